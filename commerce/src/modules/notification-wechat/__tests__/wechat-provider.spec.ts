import { startWechatStandin } from "../../../../integration-tests/helpers/wechat-standin"
import { WECHAT_NOT_SUBSCRIBED_PATTERN } from "../../../notifications/channels"
import { WechatNotificationProviderService } from "../service"

jest.setTimeout(30_000)

type Sent = { touser: string; template_id: string; page: string; data: unknown }

describe("the wechat notification provider (against the local WeChat stand-in)", () => {
  let standin: Awaited<ReturnType<typeof startWechatStandin>>
  const previous = process.env.WECHAT_API_BASE

  beforeAll(async () => {
    standin = await startWechatStandin()
    process.env.WECHAT_API_BASE = standin.url
  })

  afterAll(() => {
    process.env.WECHAT_API_BASE = previous
    standin.process.kill()
  })

  const sent = async () =>
    (
      (await (await fetch(`${standin.url}/__standin/subscribe-messages`)).json()) as {
        messages: Sent[]
      }
    ).messages

  const notice = {
    template_id: "tmpl-kit-status",
    page: "packages/health/reports/index?kit=kit_1",
    data: { thing1: { value: "肿瘤易感基因检测" }, phrase2: { value: "已寄出" } },
  }

  it("sends the subscribe message to the member's openid", async () => {
    const provider = new WechatNotificationProviderService()
    await provider.send({
      to: "o-member-1",
      channel: "wechat",
      template: "kit-status",
      data: notice,
    })
    expect(await sent()).toEqual([
      expect.objectContaining({
        touser: "o-member-1",
        template_id: "tmpl-kit-status",
        page: "packages/health/reports/index?kit=kit_1",
        data: notice.data,
      }),
    ])
  })

  it("fails with errcode 43101 in the message when the member has not subscribed", async () => {
    const provider = new WechatNotificationProviderService()
    const refused = provider.send({
      to: "o-unsubscribed-7",
      channel: "wechat",
      template: "kit-status",
      data: notice,
    })
    await expect(refused).rejects.toThrow(WECHAT_NOT_SUBSCRIBED_PATTERN)
    expect((await sent()).map((m) => m.touser)).toEqual(["o-member-1"])
  })

  it("refuses a message without a template, saying so in Chinese", async () => {
    const provider = new WechatNotificationProviderService()
    await expect(
      provider.send({ to: "o-member-2", channel: "wechat", template: "kit-status", data: {} })
    ).rejects.toThrow("微信订阅消息 kit-status 缺少 openid、模板或内容")
  })
})
