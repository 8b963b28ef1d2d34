import { LogSmsSender } from "../../../lib/sms/log-sms-sender"
import type { SmsMessage, SmsSender } from "../../../lib/sms/sms-sender"
import { SmsNotificationProviderService } from "../service"

describe("the sms notification provider", () => {
  const previous = process.env.SMS_PROVIDER

  afterEach(() => {
    process.env.SMS_PROVIDER = previous
  })

  it("texts through the log sender outside production, with the template and its parameters", async () => {
    delete process.env.SMS_PROVIDER
    const provider = new SmsNotificationProviderService({})
    const result = await provider.send({
      to: "+8613800009001",
      channel: "sms",
      template: "kit-status",
      data: { template: "kit-status", params: { product: "肿瘤易感基因检测", status: "已寄出" } },
    })
    expect(result.id).toEqual(expect.any(String))
    expect(LogSmsSender.latestTo("+8613800009001")).toMatchObject({
      template: "kit-status",
      params: { product: "肿瘤易感基因检测", status: "已寄出" },
    })
  })

  it("uses the vendor SMS_PROVIDER names and answers with its message id", async () => {
    const sent: SmsMessage[] = []
    const vendor: SmsSender = {
      vendor: "test",
      send: async (message) => {
        sent.push(message)
        return { vendor: "test", messageId: "biz-1" }
      },
    }
    const provider = new SmsNotificationProviderService({}, { sender: () => vendor })
    const result = await provider.send({
      to: "+8613800009002",
      channel: "sms",
      template: "constitution-review",
      data: { template: "constitution-review", params: { expert: "王专家" } },
    })
    expect(result).toEqual({ id: "biz-1" })
    expect(sent).toEqual([
      { phone: "+8613800009002", template: "constitution-review", params: { expert: "王专家" } },
    ])
  })

  it("refuses a text without a phone or template, saying so in Chinese", async () => {
    const provider = new SmsNotificationProviderService({})
    await expect(
      provider.send({ to: "", channel: "sms", template: "kit-status", data: {} })
    ).rejects.toThrow("短信 kit-status 缺少有效的手机号、模板或参数")
  })

  it("lets an unsupported vendor fail the notification", async () => {
    process.env.SMS_PROVIDER = "carrier-pigeon"
    const provider = new SmsNotificationProviderService({})
    await expect(
      provider.send({
        to: "+8613800009003",
        channel: "sms",
        template: "article",
        data: { template: "article", params: { title: "气虚质怎么调" } },
      })
    ).rejects.toThrow('SMS_PROVIDER "carrier-pigeon" is not supported')
  })
})
