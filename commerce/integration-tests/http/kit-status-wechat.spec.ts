import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DomainEvent } from "../../src/lib/events/domain-events"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import kitStatusChangedNotify from "../../src/subscribers/kit-status-changed-notify"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { startWechatStandin } from "../helpers/wechat-standin"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }
type Sent = {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let standin: Awaited<ReturnType<typeof startWechatStandin>>

    beforeAll(async () => {
      standin = await startWechatStandin()
      process.env.WECHAT_API_BASE = standin.url
      process.env.WECHAT_SUBSCRIBE_TEMPLATE_KIT_STATUS = "tmpl-kit-status"
    })

    afterAll(() => {
      standin?.process.kill()
    })

    const sent = async () =>
      (
        (await (await fetch(`${standin.url}/__standin/subscribe-messages`)).json()) as {
          messages: Sent[]
        }
      ).messages

    it("tells WeChat members of a shipped and a rejected kit by subscribe message, unless they opted out", async () => {
      const container = getContainer()
      const key = await createPublishableKey(container)
      const store = { headers: { "x-publishable-api-key": key } }
      const lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])
      const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)

      const wechatMember = async (who: string): Promise<Headers> => {
        const { data } = await api.post("/auth/customer/wechat", { code: `wx-code-${who}.1` })
        return { headers: { ...store.headers, authorization: `Bearer ${data.token}` } }
      }
      const me = async (member: Headers) =>
        (await api.get("/store/customers/me", member)).data.customer as {
          id: string
          metadata: { wechat_openid: string }
        }
      const kitOf = async (customerId: string) =>
        (
          await archive.createKitsForOrder({
            customer_id: customerId,
            order_id: `order_${customerId}`,
            collection_method: "mail_in",
            lines: [
              {
                line_item_id: `item_${customerId}`,
                product_title: "肿瘤易感基因检测",
                units: 1,
              },
            ],
          })
        )[0]
      const inboxTitles = async (member: Headers) =>
        ((await api.get("/store/inbox", member)).data.messages as { title: string }[]).map(
          (m) => m.title
        )
      // Every notice is a notification of the Notification Module, one per channel.
      const settled = async () =>
        (await notifications.listNotifications({}, { take: 200 })).filter(
          (n) => n.status !== "pending"
        )
      const byChannel = (list: { channel: string }[]) =>
        list.reduce<Record<string, number>>(
          (counts, n) => ({ ...counts, [n.channel]: (counts[n.channel] ?? 0) + 1 }),
          {}
        )
      const ship = (kitId: string) =>
        api.post(
          `/admin/health-archive/kits/${kitId}/ship`,
          { carrier: "顺丰", tracking_number: `SF${Date.now()}` },
          lab
        )

      // A: signed in with WeChat, channels as they come (on).
      const a = await wechatMember("kit-a")
      const aMe = await me(a)
      // B: signed in with WeChat, switched WeChat messages off.
      const b = await wechatMember("kit-b")
      const bMe = await me(b)
      await api.post("/store/customers/me/notification-preferences", { wechat: false }, b)
      // C: an email member: no openid to write to.
      const c = await registerCustomer(api as never, key, "kit-c@example.com")
      const cMe = await me(c)

      // B also switched texts off; C keeps them. Both have a phone to text.
      await api.post("/store/customers/me/notification-preferences", { sms: false }, b)
      const customers = container.resolve(Modules.CUSTOMER)
      await customers.updateCustomers(bMe.id, { phone: "+8613800005001" })
      await customers.updateCustomers(cMe.id, { phone: "+8613800005002" })

      const [kitA, kitB, kitC] = [await kitOf(aMe.id), await kitOf(bMe.id), await kitOf(cMe.id)]
      await ship(kitB.id)
      await ship(kitC.id)
      await ship(kitA.id)

      const shipped = await eventually(sent, (messages) => messages.length >= 1)
      expect(shipped).toEqual([
        expect.objectContaining({
          touser: aMe.metadata.wechat_openid,
          template_id: "tmpl-kit-status",
          page: `packages/health/reports/index?kit=${kitA.id}`,
          data: {
            thing1: { value: "肿瘤易感基因检测" },
            phrase2: { value: "已寄出" },
            thing3: { value: "收到后请先激活条码再采样" },
          },
        }),
      ])
      // B and C got the step in the inbox, and nothing more went to WeChat once every job ran.
      for (const member of [b, c]) {
        const titles = await eventually(
          () => inboxTitles(member),
          (t) => t.length > 0
        )
        expect(titles).toEqual(["肿瘤易感基因检测：已寄出"])
      }
      // A: inbox and WeChat (no phone); B: inbox only (both off); C: inbox and a text.
      const afterShip = await eventually(settled, (list) => list.length >= 5)
      expect(byChannel(afterShip)).toEqual({ feed: 3, wechat: 1, sms: 1 })
      expect((await sent()).map((m) => m.touser)).toEqual([aMe.metadata.wechat_openid])
      expect(LogSmsSender.latestTo("+8613800005002")).toMatchObject({
        template: "kit-status",
        params: { product: "肿瘤易感基因检测", status: "已寄出" },
      })
      expect(LogSmsSender.latestTo("+8613800005001")).toBeUndefined()

      // Steps that need nothing of the member (接收样本) send nothing; a rejection does.
      await archive.transitionKit(kitA.id, "activate", { actor_type: "system" })
      await api.post(`/admin/health-archive/kits/${kitA.id}/receive`, {}, lab)
      await api.post(`/admin/health-archive/kits/${kitA.id}/reject`, { reason: "样本量不足" }, lab)
      const afterReject = await eventually(sent, (messages) => messages.length >= 2)
      expect(afterReject.map((m) => m.data.phrase2.value)).toEqual(["已寄出", "需重新采样"])
      expect(afterReject[1]).toMatchObject({
        touser: aMe.metadata.wechat_openid,
        data: { thing3: { value: "样本未通过质检，请重新采样寄回" } },
      })
      const aInbox = await eventually(
        () => inboxTitles(a),
        (t) => t.length >= 3
      )
      expect(aInbox).toEqual(
        expect.arrayContaining([
          "肿瘤易感基因检测：样本已接收",
          "肿瘤易感基因检测：样本不合格（需重新采样）",
        ])
      )
      const allSettled = await eventually(settled, (list) => list.length >= 8)
      expect(byChannel(allSettled)).toEqual({ feed: 5, wechat: 2, sms: 1 })
      expect(await sent()).toHaveLength(2)

      // The rejection's event delivered again (event buses deliver at least once): nothing
      // is sent twice, on any channel.
      const [rejection] = await archive.listKitEvents(
        { kit_id: kitA.id, status: "rejected" },
        { take: 1 }
      )
      await kitStatusChangedNotify({
        event: {
          name: DomainEvent.KIT_STATUS_CHANGED,
          data: { kit_id: kitA.id, event_id: rejection.id },
        },
        container,
      } as never)
      expect(byChannel(await settled())).toEqual({ feed: 5, wechat: 2, sms: 1 })
      expect(await sent()).toHaveLength(2)
      expect(await inboxTitles(a)).toHaveLength(aInbox.length)
    })
  },
})
