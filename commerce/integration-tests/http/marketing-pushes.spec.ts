import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { CONSTITUTION_MODULE } from "../../src/modules/constitution"
import type ConstitutionModuleService from "../../src/modules/constitution/service"
import { MARKETING_PUSH_MODULE } from "../../src/modules/marketing-push"
import type MarketingPushModuleService from "../../src/modules/marketing-push/service"
import { sendMarketingPushBatchWorkflow } from "../../src/workflows/marketing-push/send-marketing-push-batch"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(180_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
process.env.ARTICLE_PUSH_BATCH_SIZE = "2"

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })
    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)

    describe("推送中心: a clinic session to 气虚质 members in 岳阳", () => {
      it("previews the audience, delivers once per channel honouring opt-outs, and counts opens and clicks", async () => {
        const container = getContainer()
        const key = await createPublishableKey(container)
        const admin = await adminHeaders(container, api)
        const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
        const customers = container.resolve(Modules.CUSTOMER)

        const member = async (
          email: string,
          phone: string,
          city: string,
          verdicts: Record<string, string>
        ) => {
          const headers = await registerCustomer(api, key, email)
          const { id } = (await api.get("/store/customers/me", headers)).data.customer
          await customers.updateCustomers(id, { phone })
          await customers.createCustomerAddresses({
            customer_id: id,
            address_1: "建设路1号",
            province: "湖南省",
            city,
          })
          await constitution.recordConstitutionAssessment({
            customer_id: id,
            item_version: "ZYYXH/T157-2009",
            payload: { sex: "female", answers: {}, scores: {}, verdicts, primary: "qixu" },
          })
          return { id, ...(headers as Headers) }
        }
        // A: 气虚质 in 岳阳 → inbox and SMS.
        const a = await member("a@mp.test", "+8613900000001", "岳阳市", { qixu: "是" })
        // B: 倾向 气虚质 in 岳阳 who switched SMS off → inbox only.
        const b = await member("b@mp.test", "+8613900000002", "岳阳市", { qixu: "倾向是" })
        await api.post("/store/customers/me/notification-preferences", { sms: false }, b)
        // C: 气虚质 in 长沙; D: 痰湿质 in 岳阳 → neither.
        const c = await member("c@mp.test", "+8613900000003", "长沙市", { qixu: "是" })
        const d = await member("d@mp.test", "+8613900000004", "岳阳市", {
          tanshi: "是",
          qixu: "否",
        })

        // The SQL-only part (region) is one count: three members live in 岳阳.
        const byCity = await api.post(
          "/admin/marketing-pushes/audience-preview",
          { audience: { cities: ["岳阳市"] } },
          admin
        )
        expect(byCity.data.audience).toMatchObject({ count: 3, exact_by_sql: true })
        const all = await api.post(
          "/admin/marketing-pushes/audience-preview",
          { audience: {} },
          admin
        )
        expect(all.data.audience.count).toBeGreaterThanOrEqual(4)
        const audience = { constitution_types: ["qixu"], cities: ["岳阳"] }
        const preview = await api.post(
          "/admin/marketing-pushes/audience-preview",
          { audience },
          admin
        )
        expect(preview.data.audience.count).toBe(2)
        expect(preview.data.audience.sample.map((s: any) => s.id).sort()).toEqual(
          [a.id, b.id].sort()
        )
        expect(preview.data.audience.sample[0].phone).toMatch(/^139\*{4}\d{4}$/)

        const bad = await failure(
          api.post(
            "/admin/marketing-pushes",
            { content_type: "clinic_session", title: "x", body: "y", audience, channels: [] },
            admin
          )
        )
        expect(bad.status).toBe(400)

        const smsBefore = LogSmsSender.outbox.length
        const created = await api.post(
          "/admin/marketing-pushes",
          {
            content_type: "clinic_session",
            content_ref: "clinic-qixu-1",
            title: "气虚质调养义诊",
            body: "本周六上午岳阳站专家义诊，名额有限。",
            link: "/clinic-sessions/clinic-qixu-1",
            audience,
            channels: ["inbox", "sms", "wechat-oa"],
          },
          admin
        )
        expect(created.status).toBe(201)
        const pushId = created.data.marketing_push.id

        const detail = async () =>
          (await api.get(`/admin/marketing-pushes/${pushId}`, admin)).data.marketing_push
        const figure = (push: any, channel: string) =>
          push.figures.find((f: any) => f.channel === channel)
        const settled = (push: any) =>
          push.status === "sent" &&
          figure(push, "inbox")?.delivered === 2 &&
          push.figures.every((f: any) => f.delivered + f.failed + f.skipped === f.targeted)
        const sent = await eventually(detail, settled)
        // 匹配 in 推送中心: the members in the audience, as previewed; D (in 岳阳, 痰湿质)
        // passed the SQL part only.
        expect(sent.targeted).toBe(2)
        expect(figure(sent, "inbox")).toMatchObject({ targeted: 2, delivered: 2, opened: 0 })
        expect(figure(sent, "sms")).toMatchObject({ targeted: 2, delivered: 1, skipped: 1 })
        // Nobody follows the service account here: recorded as skipped, not failed.
        expect(figure(sent, "wechat-oa")).toMatchObject({ targeted: 2, delivered: 0 })

        const texts = () => LogSmsSender.outbox.slice(smsBefore).map((m) => m.phone)
        expect(texts()).toEqual(["+8613900000001"])
        const messagesOf = async (who: { headers: Headers["headers"] }) =>
          ((await api.get("/store/inbox", who)).data.messages as any[]).filter(
            (m) => m.category === "marketing"
          )
        const [inboxOfA] = await messagesOf(a)
        expect(inboxOfA.title).toBe("气虚质调养义诊")
        expect(await messagesOf(b)).toHaveLength(1)
        expect(await messagesOf(c)).toHaveLength(0)
        expect(await messagesOf(d)).toHaveLength(0)

        // A retried batch (the same job run again) sends nothing twice.
        const [stored] = await container
          .resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
          .listMarketingPushes({ id: pushId })
        await sendMarketingPushBatchWorkflow(container).run({
          input: { push: stored as any, customer_ids: [a.id, b.id, c.id, d.id] },
        })
        expect(texts()).toEqual(["+8613900000001"])
        expect(await messagesOf(a)).toHaveLength(1)
        expect(figure(await detail(), "sms")).toMatchObject({ targeted: 2, delivered: 1 })

        // Opened: A reads the message. Clicked: A follows the tracked link.
        await api.post("/store/inbox/read", { ids: [inboxOfA.id] }, a)
        const link = new URL(inboxOfA.link)
        expect(link.pathname).toBe(`/hooks/marketing-pushes/${pushId}/click`)
        const click = await failure(
          api.get(`${link.pathname}${link.search}`, { maxRedirects: 0, headers: {} })
        )
        expect(click.status).toBe(302)
        expect(click.headers.location).toMatch(/\/clinic-sessions\/clinic-qixu-1$/)
        const after = await detail()
        expect(figure(after, "inbox")).toMatchObject({ opened: 1, clicked: 1 })
        expect(figure(after, "sms").clicked).toBe(0)

        const list = await api.get("/admin/marketing-pushes", admin)
        expect(list.data.marketing_pushes.map((p: any) => p.id)).toContain(pushId)
      })

      it("a push scheduled for later can be canceled before it starts, and then sends nothing", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const later = new Date(Date.now() + 3_600_000).toISOString()
        const created = await api.post(
          "/admin/marketing-pushes",
          {
            content_type: "custom",
            title: "下周健康讲座",
            body: "欢迎报名",
            audience: { all: true },
            channels: ["inbox"],
            send_at: later,
          },
          admin
        )
        const id = created.data.marketing_push.id
        expect(created.data.marketing_push.status).toBe("scheduled")
        const canceled = await api.post(`/admin/marketing-pushes/${id}/cancel`, {}, admin)
        expect(canceled.data.marketing_push.status).toBe("canceled")
        const again = await failure(api.post(`/admin/marketing-pushes/${id}/cancel`, {}, admin))
        expect(again.status).toBe(409)
        const push = (await api.get(`/admin/marketing-pushes/${id}`, admin)).data.marketing_push
        expect(push).toMatchObject({ status: "canceled", figures: [] })
      })
    })
  },
})
