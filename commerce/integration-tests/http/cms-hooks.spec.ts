import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { Queue } from "bullmq"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { signCmsHook } from "../../src/lib/cms/cms-hook-signature"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { QUEUE_MODULE } from "../../src/lib/queue/jobs"
import { CONSTITUTION_MODULE } from "../../src/modules/constitution"
import type ConstitutionModuleService from "../../src/modules/constitution/service"
import type QueueModuleService from "../../src/modules/queue/service"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { startWechatStandin } from "../helpers/wechat-standin"

jest.setTimeout(180_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"
process.env.ARTICLE_PUSH_BATCH_SIZE = "2"
const SECRET = "cms-hooks-spec-webhook-secret"

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  env: { CMS_WEBHOOK_SECRET: SECRET },
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let standin: Awaited<ReturnType<typeof startWechatStandin>>

    beforeAll(async () => {
      standin = await startWechatStandin()
      process.env.WECHAT_API_BASE = standin.url
    })

    afterAll(async () => {
      standin?.process.kill()
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)

    const subscribeMessages = async () =>
      (await (await fetch(`${standin.url}/__standin/subscribe-messages`)).json()).messages as Array<
        Record<string, any>
      >
    const queue = () => getContainer().resolve<QueueModuleService>(QUEUE_MODULE)
    const total = async (name: "cms" | "search" | "storefront") =>
      Object.values(await queue().counts(name as never)).reduce((a, b) => a + b, 0)
    const completedPushPlans = async () => (await queue().counts("cms" as never)).completed

    const post = (body: unknown, headers: Record<string, string>) =>
      failure(
        api.post("/hooks/cms", JSON.stringify(body), {
          headers: { "content-type": "application/json", ...headers },
          transformRequest: [(data: unknown) => data],
        })
      )
    const signed = (body: unknown, at = Math.floor(Date.now() / 1000)) => {
      const raw = JSON.stringify(body)
      return post(body, {
        "x-cms-timestamp": String(at),
        "x-cms-signature": signCmsHook(SECRET, at, raw),
      })
    }

    const article = (documentId: string, flags: { micro: boolean; push: boolean }) => ({
      event: "entry.publish",
      model: "article",
      document_id: documentId,
      entry: {
        documentId,
        title: "气虚质怎么调？从吃、动、睡三方面入手",
        slug: `qixu-${documentId}`,
        summary: "气虚的人容易疲乏，调养要补气健脾。",
        publish_to_microsite: flags.micro,
        push_on_publish: flags.push,
        tags: [
          { slug: "qixu", kind: "constitution" },
          { slug: "series-cancer", kind: "test_category" },
          { slug: "age-36-55", kind: "age_group" },
        ],
      },
    })

    it("refuses unsigned, badly signed and stale calls with 401 and queues nothing", async () => {
      const body = article("doc-refused", { micro: true, push: true })
      const before = await Promise.all([total("cms"), total("search"), total("storefront")])
      const now = Math.floor(Date.now() / 1000)
      const raw = JSON.stringify(body)

      const unsigned = await post(body, {})
      expect(unsigned.status).toBe(401)
      expect(unsigned.data.message).toBe(
        "CMS 通知未被接受：缺少 x-cms-timestamp 或 x-cms-signature 请求头"
      )

      const wrong = await post(body, {
        "x-cms-timestamp": String(now),
        "x-cms-signature": signCmsHook("not-the-secret", now, raw),
      })
      expect(wrong.status).toBe(401)
      expect(wrong.data.message).toBe("CMS 通知未被接受：x-cms-signature 签名不匹配")

      const stale = now - 6 * 60
      const old = await post(body, {
        "x-cms-timestamp": String(stale),
        "x-cms-signature": signCmsHook(SECRET, stale, raw),
      })
      expect(old.status).toBe(401)
      expect(old.data.message).toBe("CMS 通知未被接受：x-cms-timestamp 超出 5 分钟有效期")

      const tampered = await post(
        { ...body, document_id: "doc-other" },
        {
          "x-cms-timestamp": String(now),
          "x-cms-signature": signCmsHook(SECRET, now, raw),
        }
      )
      expect(tampered.status).toBe(401)

      expect(await Promise.all([total("cms"), total("search"), total("storefront")])).toEqual(
        before
      )
    })

    it("a signed update enqueues the search job and storefront revalidation, no push", async () => {
      const before = await Promise.all([total("cms"), total("search"), total("storefront")])
      const accepted = await signed({
        event: "entry.update",
        model: "collection-site",
        document_id: "site-1",
        entry: { documentId: "site-1", name: "岳阳市中心采集点" },
      })
      expect(accepted.status).toBe(202)
      expect(accepted.data.jobs).toEqual(["search/cms-entry", "storefront/revalidate"])
      const after = await Promise.all([total("cms"), total("search"), total("storefront")])
      expect(after).toEqual([before[0], before[1] + 1, before[2] + 1])
    })

    it("a micro-site article published without push_on_publish reaches nobody", async () => {
      const container = getContainer()
      const key = await createPublishableKey(container)
      const admin = await adminHeaders(container, api)
      const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
      // A 气虚质 member with a phone: the article's qixu tag is theirs.
      const member = await registerCustomer(api, key, "no-push@push.test")
      const me = (await api.get("/store/customers/me", member)).data.customer
      await container.resolve(Modules.CUSTOMER).updateCustomers(me.id, { phone: "+8613800000009" })
      await constitution.recordConstitutionAssessment({
        customer_id: me.id,
        item_version: "ZYYXH/T157-2009",
        payload: {
          sex: "female",
          answers: {},
          scores: {},
          verdicts: { qixu: "是" },
          primary: "qixu",
        },
      })
      const smsBefore = LogSmsSender.outbox.length
      const wechatBefore = (await subscribeMessages()).length

      const accepted = await signed(article("doc-no-push", { micro: true, push: false }))
      expect(accepted.status).toBe(202)
      expect(accepted.data.jobs).toEqual([
        "search/cms-entry",
        "storefront/revalidate",
        "cms/push-article",
      ])
      // The plan job runs and stops at the flag: no batches, no push record.
      const cmsJobs = new Queue("cms", { connection: redis, prefix })
      const plan = await eventually(
        async () =>
          (await cmsJobs.getCompleted()).find(
            (job) => job.name === "push-article" && job.data.document_id === "doc-no-push"
          ),
        (job) => !!job
      )
      await cmsJobs.close()
      expect(plan?.returnvalue).toEqual({ skipped: "push_on_publish is off" })
      expect((await api.get("/admin/cms/pushes", admin)).data.pushes).toEqual([])
      // Paging that is no whole number answers 400 (Number("1e309") was Infinity: a 500).
      for (const paging of ["offset=1e309", "offset=-1", "limit=abc"]) {
        const refused = await api.get(`/admin/cms/pushes?${paging}`, {
          ...admin,
          validateStatus: () => true,
        })
        expect(refused.status).toBe(400)
      }
      const inbox = (await api.get("/store/inbox", member)).data.messages as Array<{
        category: string
      }>
      expect(inbox.filter((message) => message.category === "article")).toEqual([])
      expect(LogSmsSender.outbox.length).toBe(smsBefore)
      expect((await subscribeMessages()).length).toBe(wechatBefore)
    })

    it("pushes a flagged article to exactly the matching members, once, honouring opt-outs", async () => {
      const container = getContainer()
      const key = await createPublishableKey(container)
      const store = { headers: { "x-publishable-api-key": key } }
      const admin = await adminHeaders(container, api)
      const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
      const customers = container.resolve(Modules.CUSTOMER)

      const meOf = async (member: Headers) =>
        (await api.get("/store/customers/me", member)).data.customer
      const withConstitution = async (customerId: string, verdicts: Record<string, string>) =>
        constitution.recordConstitutionAssessment({
          customer_id: customerId,
          item_version: "ZYYXH/T157-2009",
          payload: { sex: "female", answers: {}, scores: {}, verdicts, primary: "qixu" },
        })
      const wechatMember = async (who: string): Promise<Headers> => {
        const { data } = await api.post("/auth/customer/wechat", { code: `wx-code-${who}.1` })
        return { headers: { ...store.headers, authorization: `Bearer ${data.token}` } }
      }

      // M1: 气虚质 with a phone → inbox and SMS.
      const m1 = await registerCustomer(api, key, "m1@push.test")
      const m1Id = (await meOf(m1)).id
      await customers.updateCustomers(m1Id, { phone: "+8613800000001" })
      await withConstitution(m1Id, { qixu: "是", pinghe: "否" })
      // M2: 倾向 气虚质 with a phone, SMS switched off → inbox only.
      const m2 = await registerCustomer(api, key, "m2@push.test")
      const m2Id = (await meOf(m2)).id
      await customers.updateCustomers(m2Id, { phone: "+8613800000002" })
      await withConstitution(m2Id, { qixu: "倾向是", pinghe: "否" })
      const optOutSms = await api.post(
        "/store/customers/me/notification-preferences",
        { sms: false },
        m2
      )
      expect(optOutSms.data.notification_preferences).toEqual({
        inbox: true,
        sms: false,
        wechat: true,
      })
      // M3: a WeChat member who bought a test in 肿瘤风险系列 → inbox and WeChat.
      const m3 = await wechatMember("push-m3")
      const m3Me = await meOf(m3)
      const productModule = container.resolve(Modules.PRODUCT)
      const [category] = await productModule.createProductCategories([
        { name: "肿瘤风险系列", handle: "series-cancer", is_active: true },
      ])
      const [product] = await productModule.createProducts([
        { title: "肿瘤易感基因检测", category_ids: [category.id] },
      ])
      await container.resolve(Modules.ORDER).createOrders({
        customer_id: m3Me.id,
        email: "m3@push.test",
        currency_code: "cny",
        items: [{ title: product.title, product_id: product.id, quantity: 1, unit_price: 499 }],
      })
      // M4: a WeChat member aged 40 who switched WeChat off → inbox only.
      const m4 = await wechatMember("push-m4")
      const birth = `${new Date().getFullYear() - 40}-01-01`
      await api.post("/store/customers/me", { metadata: { birth_date: birth } }, m4)
      await api.post("/store/customers/me/notification-preferences", { wechat: false }, m4)
      const m4Me = await meOf(m4)
      // M5: 痰湿质, 26 years old, a phone → nothing matches.
      const m5 = await registerCustomer(api, key, "m5@push.test")
      const m5Id = (await meOf(m5)).id
      await customers.updateCustomers(m5Id, { phone: "+8613800000005" })
      await api.post(
        "/store/customers/me",
        { metadata: { birth_date: `${new Date().getFullYear() - 26}-01-01` } },
        m5
      )
      await withConstitution(m5Id, { tanshi: "是", qixu: "否", pinghe: "否" })

      const guarded = await failure(
        api.post("/store/customers/me", { metadata: { notification_preferences: {} } }, m5)
      )
      expect(guarded.status).toBe(400)
      expect(guarded.data.message).toBe("短信和微信通知请在“消息设置”中开关")
      const noInboxOff = await failure(
        api.post("/store/customers/me/notification-preferences", { inbox: false }, m5)
      )
      expect(noInboxOff.status).toBe(400)

      // Not for the micro-site: no push, even with push_on_publish.
      const plansBefore = await completedPushPlans()
      const notMicro = await signed(article("doc-not-micro", { micro: false, push: true }))
      expect(notMicro.status).toBe(202)
      expect(notMicro.data.jobs).toContain("cms/push-article")
      await eventually(completedPushPlans, (done) => done >= plansBefore + 1)

      const smsBefore = LogSmsSender.outbox.length
      const publish = article("doc-flagged", { micro: true, push: true })
      expect((await signed(publish)).status).toBe(202)

      const pushesOf = async () =>
        (await api.get("/admin/cms/pushes", admin)).data.pushes as Array<Record<string, any>>
      const expectedCounts = {
        document_id: "doc-flagged",
        targeted: 4,
        inbox: 4,
        sms: 1,
        wechat: 1,
        skipped_opt_out: { sms: 1, wechat: 1 },
      }
      const settled = (pushes: Array<Record<string, any>>) => {
        const push = pushes.find((p) => p.document_id === "doc-flagged")
        return !!push && push.scanned >= 5 && push.inbox === 4 && push.wechat === 1
      }
      const pushes = await eventually(pushesOf, settled)
      expect(pushes).toHaveLength(1)
      expect(pushes[0]).toMatchObject(expectedCounts)

      const articleMessages = async (member: Headers) =>
        (
          (await api.get("/store/inbox", member)).data.messages as Array<Record<string, any>>
        ).filter((message) => message.category === "article")
      for (const member of [m1, m2, m3, m4]) {
        const messages = await articleMessages(member)
        expect(messages).toHaveLength(1)
        expect(messages[0]).toMatchObject({
          title: publish.entry.title,
          link: `/articles/${publish.entry.slug}`,
        })
      }
      expect(await articleMessages(m5)).toHaveLength(0)

      const texts = LogSmsSender.outbox.slice(smsBefore).filter((m) => m.template === "article")
      expect(texts.map((m) => m.phone)).toEqual(["+8613800000001"])

      const recorded = subscribeMessages
      const sent = await recorded()
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({
        touser: m3Me.metadata.wechat_openid,
        template_id: "dev-article-template",
        page: `packages/content/article/index?slug=${encodeURIComponent(publish.entry.slug)}`,
        data: { thing1: { value: "气虚质怎么调？从吃、动、睡三方面入手" } },
      })
      expect(sent.map((m) => m.touser)).not.toContain(m4Me.metadata.wechat_openid)

      // Published again (a replayed or repeated hook): nobody gets it twice.
      const plansNow = await completedPushPlans()
      expect((await signed(publish)).status).toBe(202)
      await eventually(completedPushPlans, (done) => done >= plansNow + 1)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await pushesOf())[0]).toMatchObject(expectedCounts)
      for (const member of [m1, m2, m3, m4]) expect(await articleMessages(member)).toHaveLength(1)
      expect(
        LogSmsSender.outbox.slice(smsBefore).filter((m) => m.template === "article")
      ).toHaveLength(1)
      expect(await recorded()).toHaveLength(1)
    })
  },
})
