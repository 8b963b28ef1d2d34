import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import Redis from "ioredis"
import type { AddressInfo } from "net"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { CONSTITUTION_MODULE } from "../../src/modules/constitution"
import { CONSULTATION_MODULE } from "../../src/modules/consultation"
import type ConsultationModuleService from "../../src/modules/consultation/service"
import { ensureEscortServices } from "../../src/scripts/seed/reference-escort-services"
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

const DAY = 86_400_000
/** What the CMS stand-in publishes: two articles and a past and an upcoming clinic session. */
const CMS_ENTRIES: Record<string, Record<string, unknown>[]> = {
  articles: [
    {
      documentId: "art-autumn",
      title: "秋季养生：润燥为先",
      slug: "autumn-care",
      summary: "秋季气候干燥，\n饮食起居宜润燥。",
      cover: {
        url: "/uploads/autumn.jpg",
        formats: { thumbnail: { url: "/uploads/t_autumn.jpg" } },
      },
    },
    { documentId: "art-sleep", title: "失眠与体质", slug: "sleep", summary: null },
  ],
  "clinic-sessions": [
    {
      documentId: "clinic-qixu-1",
      title: "气虚质调养义诊",
      starts_at: new Date(Date.now() + 3 * DAY).toISOString(),
      place: "岳阳市中医院",
      description: "专家现场答疑",
    },
    {
      documentId: "clinic-past",
      title: "上月义诊",
      starts_at: new Date(Date.now() - 30 * DAY).toISOString(),
      place: "长沙",
    },
  ],
}

/**
 * Strapi's REST API for articles and clinic sessions, as far as the content picker uses it:
 * one entry by documentId, or a list narrowed by `starts_at` `$gte` and `$or` of `$containsi`.
 */
function answerCms(url: URL): { status: number; body: unknown } {
  const [, api, collection, documentId] = url.pathname.split("/")
  const entries = api === "api" ? CMS_ENTRIES[collection] : undefined
  if (!entries) return { status: 404, body: { data: null, error: { status: 404 } } }
  if (documentId) {
    const entry = entries.find((e) => e.documentId === decodeURIComponent(documentId))
    return entry
      ? { status: 200, body: { data: entry } }
      : { status: 404, body: { data: null, error: { status: 404 } } }
  }
  const from = url.searchParams.get("filters[starts_at][$gte]")
  const words = [...url.searchParams.entries()].filter(([key]) => key.startsWith("filters[$or]"))
  const data = entries.filter(
    (e) =>
      (!from || String(e.starts_at) >= from) &&
      (!words.length ||
        words.some(([key, word]) =>
          String(e[key.match(/^filters\[\$or\]\[\d+\]\[(\w+)\]/)![1]] ?? "").includes(word)
        ))
  )
  return { status: 200, body: { data, meta: { pagination: { page: 1, pageCount: 1 } } } }
}

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

    // The CMS stand-in (in beforeAll: a file before this one in its group may point elsewhere).
    let cms: Server
    let cmsUrl = ""
    beforeAll(async () => {
      cms = createServer((req, res) => {
        const { status, body } = answerCms(new URL(req.url ?? "/", "http://cms"))
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(body))
      })
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      process.env.CMS_URL = cmsUrl
    })
    afterAll(async () => {
      await new Promise<void>((resolve) => cms.close(() => resolve()))
    })

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
            link: "/account/appointments/book#clinic",
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
        expect(click.headers.location).toMatch(/\/account\/appointments\/book#clinic$/)
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

      it("the content picker finds each kind of content, and a push naming deleted content is refused", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        await ensureEscortServices(container)
        const [gene, draft] = (
          await createProductsWorkflow(container).run({
            input: {
              products: [
                {
                  title: "肺癌易感基因检测",
                  handle: "mp-lung",
                  subtitle: "一次采样，终身受用",
                  status: ProductStatus.PUBLISHED,
                  thumbnail: "https://img.test/lung.jpg",
                  options: [{ title: "规格", values: ["标准"] }],
                },
                {
                  title: "肝癌易感基因检测",
                  handle: "mp-liver",
                  status: ProductStatus.DRAFT,
                  options: [{ title: "规格", values: ["标准"] }],
                },
              ],
            },
          })
        ).result
        const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
        const expert = (id: string, name: string) => ({
          cms_document_id: id,
          name,
          title: "主任医师",
          hospital: "岳阳市中医院",
          departments: ["中医科"],
          specialties: ["体质调理"],
          introduction: null,
          photo_url: null,
        })
        await consultations.upsertFromCms(
          [expert("mp-expert-1", "王慧"), expert("mp-expert-2", "赵明")],
          new Date()
        )
        const doctors = await consultations.doctors({ all: true })
        const offered = doctors.find((d) => d.name === "王慧")!
        const unverified = doctors.find((d) => d.name === "赵明")!
        await consultations.updateDoctorDetails(offered.id, {
          license_number: "110430000000099",
          prices: { text: 3000, video: 9950 },
        })
        await consultations.verifyLicense(offered.id, new Date())
        await consultations.updateDoctorDetails(unverified.id, { prices: { text: 2000 } })

        const search = async (query: string) =>
          (await api.get(`/admin/marketing-pushes/content?${query}`, admin)).data.content as any[]

        const articles = await search(`type=article&q=${encodeURIComponent("润燥")}`)
        expect(articles).toEqual([
          {
            ref: "art-autumn",
            title: "秋季养生：润燥为先",
            summary: "秋季气候干燥， 饮食起居宜润燥。",
            link: "/articles/autumn-care",
            image: expect.stringMatching(/\/uploads\/t_autumn\.jpg$/),
          },
        ])
        expect((await search("type=article")).map((a) => a.ref)).toEqual([
          "art-autumn",
          "art-sleep",
        ])

        // Only sessions still to come, dated in Beijing time.
        const sessions = await search("type=clinic_session")
        expect(sessions).toEqual([
          expect.objectContaining({
            ref: "clinic-qixu-1",
            title: "气虚质调养义诊",
            link: "/account/appointments/book#clinic",
          }),
        ])
        expect(sessions[0].summary).toMatch(/^\d+月\d+日 \d\d:\d\d · 岳阳市中医院，专家现场答疑$/)

        // Published shop products only: no drafts, no 陪诊 services.
        const products = await search(`type=product&q=${encodeURIComponent("易感基因")}`)
        expect(products.map((p) => p.ref)).toEqual([gene.id])
        expect(products[0]).toEqual({
          ref: gene.id,
          title: "肺癌易感基因检测",
          summary: "一次采样，终身受用",
          link: "/products/mp-lung",
          image: "https://img.test/lung.jpg",
        })
        expect((await search("type=product")).map((p) => p.title)).not.toContain("半日陪诊")

        const escorts = await search("type=escort_service")
        expect(escorts.map((e) => e.title)).toEqual([
          "代取报告/代问诊",
          "半日陪诊",
          "全日陪诊",
          "住院陪护",
        ])
        const [inpatient] = await search(`type=escort&q=${encodeURIComponent("住院")}`)
        expect(inpatient).toMatchObject({
          title: "住院陪护",
          link: `/escort/book?service=${inpatient.ref}`,
        })
        expect(inpatient.summary).toMatch(/^¥399 \/ 12 小时内，/)

        // Verified doctors with a price only.
        expect(await search("type=consultation_offer")).toEqual([
          {
            ref: offered.id,
            title: "王慧 主任医师",
            summary: "岳阳市中医院，图文问诊 ¥30、视频问诊 ¥99.50",
            link: `/consult/doctors/${offered.id}`,
            image: null,
          },
        ])

        // Bad queries are refused in Chinese.
        const badType = await failure(api.get("/admin/marketing-pushes/content?type=coupon", admin))
        expect(badType.status).toBe(400)
        expect(badType.data.message).toContain("内容类型只能是")
        const longQ = await failure(
          api.get(`/admin/marketing-pushes/content?type=article&q=${"长".repeat(51)}`, admin)
        )
        expect(longQ.status).toBe(400)
        expect(longQ.data.message).toContain("搜索词不能超过 50 个字")

        // A CMS that does not answer: 503 in Chinese, for the picker and for a push's check.
        process.env.CMS_URL = "http://127.0.0.1:9"
        try {
          const down = await failure(api.get("/admin/marketing-pushes/content?type=article", admin))
          expect(down.status).toBe(503)
          expect(down.data.message).toContain("内容管理系统暂时无法访问")
        } finally {
          process.env.CMS_URL = cmsUrl
        }

        // A push naming content that is gone is refused (404), and nothing is recorded.
        const pushOf = (content_type: string, content_ref: string) =>
          failure(
            api.post(
              "/admin/marketing-pushes",
              {
                content_type,
                content_ref,
                title: "推送",
                body: "正文",
                audience: { all: true },
                channels: ["inbox"],
                send_at: new Date(Date.now() + 3_600_000).toISOString(),
              },
              admin
            )
          )
        const before = (await api.get("/admin/marketing-pushes", admin)).data.count
        for (const [type, ref, message] of [
          ["article", "art-deleted", "文章不存在或已下线"],
          ["clinic_session", "clinic-deleted", "义诊活动不存在或已下线"],
          ["product", draft.id, "商品不存在或未上架"],
          ["escort", gene.id, "陪诊服务不存在或已下架"],
          ["consultation", unverified.id, "未通过资质核验"],
        ]) {
          const refused = await pushOf(type, ref)
          expect([type, refused.status]).toEqual([type, 404])
          expect(refused.data.message).toContain(message)
        }
        expect((await api.get("/admin/marketing-pushes", admin)).data.count).toBe(before)
        for (const [type, ref] of [
          ["article", "art-sleep"],
          ["product", gene.id],
          ["escort", inpatient.ref],
          ["consultation", offered.id],
        ]) {
          expect((await pushOf(type, ref)).status).toBe(201)
        }
      })
    })
  },
})
