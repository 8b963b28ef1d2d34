import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { ESCORT_MODULE } from "../../src/modules/escort"
import type EscortModuleService from "../../src/modules/escort/service"
import { openDueEscortReviews } from "../../src/workflows/escort-review/open-escort-reviews"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

type Headers = { headers: Record<string, string> }
type Escort = { id: string; phone: string; auth: Headers }

const STEPS = ["departed", "arrived", "accompanying", "completed"]
const ADVERT = "祖传秘方，根治高血压，无效退款，加微信 zhang_san88"

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let admin: Headers
    let operations: Headers
    let finance: Headers
    let alice: Headers
    let bob: Headers
    let aliceId: string
    let escort: Escort
    let otherEscort: Escort
    /** Bookings served to 服务完成 by `escort` before the snapshot, one per test's use. */
    const served: Record<string, string> = {}
    /** Alice's booking still waiting for an escort (待接单). */
    let waiting: string

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    let phoneSeq = 0
    let daySeq = 0

    /** Operations add an escort; the escort signs in with an SMS code. */
    const signInEscort = async (): Promise<Escort> => {
      const phone = `1370000${String(++phoneSeq).padStart(4, "0")}`
      const created = await api.post(
        "/admin/escorts",
        { phone, name: `陪诊员${phone.slice(-4)}`, city: "长沙市" },
        admin
      )
      await redis.del(`${prefix}:otp:cooldown:+86${phone}`)
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/escort/phone", { phone, code })
      return {
        id: created.data.escort.id,
        phone,
        auth: { headers: { authorization: `Bearer ${data.token}` } },
      }
    }

    /** Alice's paid booking (待接单), each on its own day so one escort can take many. */
    const paidBooking = async () => {
      const escorts = getContainer().resolve<EscortModuleService>(ESCORT_MODULE)
      const booking = await escorts.createBooking(
        {
          customer_id: aliceId,
          service_id: "prod_half_day",
          service_name: "半日陪诊",
          variant_id: "variant_half_day",
          extras: [],
          hospital_id: "hosp-xiangya",
          hospital_name: "中南大学湘雅医院",
          department_name: "心血管内科",
          city: "长沙市",
          service_date: `2027-03-${String(++daySeq).padStart(2, "0")}`,
          start_time: "09:00",
          end_time: "11:00",
          person: { name: "张桂兰", id_number: "11010519491231002X" },
          meeting_point: "门诊楼一楼大厅",
          needs: [],
          price_fen: 19900,
        },
        { actor_type: "customer", actor_id: aliceId }
      )
      await escorts.markPaid(booking.id, { actor_type: "staff", actor_id: "user_test" })
      return booking.id
    }

    /** The escort grabs the booking and walks it to 服务完成 through the app's API. */
    const servedBooking = async () => {
      const id = await paidBooking()
      expect((await api.post(`/escort/tasks/${id}/accept`, {}, escort.auth)).status).toBe(200)
      for (const status of STEPS) {
        expect(
          (await api.post(`/escort/tasks/${id}/progress`, { status }, escort.auth)).status
        ).toBe(200)
      }
      return id
    }

    // Seeded once, before the runner snapshots the database: every test starts from here.
    beforeAll(async () => {
      const key = await createPublishableKey(getContainer())
      store = { headers: { "x-publishable-api-key": key } }
      admin = await adminHeaders(getContainer(), api)
      operations = await adminHeaders(getContainer(), api, "yunying@staff.local", ["operations"])
      finance = await adminHeaders(getContainer(), api, "caiwu@staff.local", ["finance"])
      alice = await registerCustomer(api, key, "alice@example.com")
      bob = await registerCustomer(api, key, "bob@example.com")
      aliceId = (await api.get("/store/customers/me", alice)).data.customer.id
      escort = await signInEscort()
      otherEscort = await signInEscort()
      for (const name of ["pair", "late", "advert", "edited", "reported", "words"]) {
        served[name] = await servedBooking()
      }
      waiting = await paidBooking()
    })

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const memberReview = async (id: string, who: Headers = alice) =>
      (await api.get(`/store/escort-bookings/${id}/review`, who)).data.review
    const escortReview = async (id: string, who: Headers = escort.auth) =>
      (await api.get(`/escort/tasks/${id}/review`, who)).data.review
    const queue = async (status = "pending") =>
      (await api.get(`/admin/moderation/items?status=${status}`, operations)).data.items as any[]

    it("keeps each review sealed until both wrote, then opens both at once, anonymously and for good", async () => {
      const id = served.pair
      // The member rated 2 at confirmation; their review (4) replaces it for the escort's rating.
      await api.post(`/store/escort-bookings/${id}/confirm`, { rating: 2, tags: [] }, alice)
      expect(await memberReview(id)).toMatchObject({
        state: "not_written",
        can_write: true,
        mine: null,
        theirs: null,
      })

      const written = await api.post(
        `/store/escort-bookings/${id}/review`,
        { rating: 5, tags: ["耐心", "准时"], text: "陪诊员很耐心，提前到医院帮忙挂号。" },
        alice
      )
      expect(written.status).toBe(201)
      expect(written.data.review).toMatchObject({
        state: "waiting_other",
        state_label: "已评价，等待对方评价，双方评价后同时公开",
        mine: { rating: 5, moderation: "clear", opened: false },
        theirs: null,
      })
      // Still sealed: the member may change it, the escort sees only that it exists.
      await api.post(
        `/store/escort-bookings/${id}/review`,
        { rating: 4, tags: ["耐心"], text: "陪诊员很耐心，提前到医院帮忙挂号。" },
        alice
      )
      const sealed = await escortReview(id)
      expect(sealed).toMatchObject({
        state: "other_written",
        state_label: "对方已评价，双方评价后同时公开",
        mine: null,
        theirs: null,
      })

      const answered = await api.post(
        `/escort/tasks/${id}/review`,
        { rating: 5, tags: ["沟通顺畅"], text: "家属配合，沟通顺畅。" },
        escort.auth
      )
      expect(answered.status).toBe(201)
      expect(answered.data.review).toMatchObject({
        state: "opened",
        can_write: false,
        theirs: {
          from: "匿名会员",
          rating: 4,
          tags: ["耐心"],
          text: "陪诊员很耐心，提前到医院帮忙挂号。",
        },
      })
      const forMember = await memberReview(id)
      expect(forMember).toMatchObject({
        state: "opened",
        mine: { rating: 4, opened: true },
        theirs: { from: "陪诊员", rating: 5, text: "家属配合，沟通顺畅。" },
      })
      // Both opened at the same moment.
      expect(forMember.theirs.opened_at).toBe(answered.data.review.theirs.opened_at)

      // Neither side's answer names or identifies the other.
      const escortSees = JSON.stringify(answered.data.review)
      for (const secret of [aliceId, "alice@example.com", "小", "王"]) {
        expect(escortSees).not.toContain(secret)
      }
      const memberSees = JSON.stringify(forMember)
      for (const secret of [escort.id, escort.phone, `陪诊员${escort.phone.slice(-4)}`]) {
        expect(memberSees).not.toContain(secret)
      }

      // Fixed once opened.
      for (const attempt of [
        () => api.post(`/store/escort-bookings/${id}/review`, { rating: 1 }, alice),
        () => api.post(`/escort/tasks/${id}/review`, { rating: 1 }, escort.auth),
      ]) {
        const refused = await failure(attempt())
        expect(refused.status).toBe(409)
        expect(refused.data.message).toBe("评价已公开，不能再修改")
      }

      // The member's opened review makes the confirmed booking 已评价.
      const booking = (await api.get(`/store/escort-bookings/${id}`, alice)).data.booking
      expect(booking.status).toBe("reviewed")
      expect(booking.events.map((e: { status: string }) => e.status)).toContain("reviewed")

      // The public list in matching: anonymous, moderated, with the rating that ranks.
      const list = (await api.get(`/store/escorts/${escort.id}/reviews`, store)).data
      expect(list).toMatchObject({
        rating: { average: 4, count: 1 },
        count: 1,
        reviews: [{ from: "匿名会员", rating: 4, tags: ["耐心"] }],
      })
      expect(JSON.stringify(list)).not.toContain(id)
      expect(JSON.stringify(list)).not.toContain(aliceId)
      const income = (await api.get("/escort/income", escort.auth)).data.income
      expect(income.rating_average).toBe(4)
    })

    it("opens one side's review alone 48 hours after 服务完成, through the sweep", async () => {
      const id = served.late
      await api.post(`/store/escort-bookings/${id}/confirm`, {}, alice)
      await api.post(
        `/store/escort-bookings/${id}/review`,
        { rating: 3, tags: ["迟到"], text: "晚到了十分钟。" },
        alice
      )
      // Within the window nothing opens, sweep or not.
      expect(await openDueEscortReviews(getContainer())).toEqual({ opened: 0 })
      expect(await escortReview(id)).toMatchObject({ state: "other_written", theirs: null })

      // The window started 49 hours ago.
      await pg().raw(
        `update escort_review_window set started_at = now() - interval '49 hours'
         where booking_id = ?`,
        [id]
      )
      expect(await openDueEscortReviews(getContainer())).toEqual({ opened: 1 })
      expect(await openDueEscortReviews(getContainer())).toEqual({ opened: 0 })
      expect(await escortReview(id)).toMatchObject({
        state: "opened",
        can_write: false,
        mine: null,
        theirs: { from: "匿名会员", rating: 3, text: "晚到了十分钟。" },
      })
      const late = await failure(api.post(`/escort/tasks/${id}/review`, { rating: 5 }, escort.auth))
      expect(late.status).toBe(409)
      expect((await api.get(`/store/escort-bookings/${id}`, alice)).data.booking.status).toBe(
        "reviewed"
      )
    })

    it("refuses reviews before 服务完成, from strangers, and with bad input, in Chinese", async () => {
      const early = await failure(
        api.post(`/store/escort-bookings/${waiting}/review`, { rating: 5 }, alice)
      )
      expect(early.status).toBe(409)
      expect(early.data.message).toBe("服务完成后才能评价")

      const id = served.pair
      for (const attempt of [
        () => api.get(`/store/escort-bookings/${id}/review`, bob),
        () => api.post(`/store/escort-bookings/${id}/review`, { rating: 5 }, bob),
        () => api.get(`/escort/tasks/${id}/review`, otherEscort.auth),
        () => api.post(`/escort/tasks/${id}/review`, { rating: 5 }, otherEscort.auth),
      ]) {
        expect((await failure(attempt())).status).toBe(404)
      }
      const bad = await failure(
        api.post(`/store/escort-bookings/${id}/review`, { rating: 6, tags: "好" }, alice)
      )
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("请打 1–5 星")
      const anonymous = await failure(api.get(`/store/escort-bookings/${id}/review`, store))
      expect(anonymous.status).toBe(401)
    })

    it("never shows a review with an illegal advertisement: it waits in the queue and staff reject it", async () => {
      const id = served.advert
      await api.post(`/escort/tasks/${id}/review`, { rating: 5, tags: ["配合"] }, escort.auth)
      const written = await api.post(
        `/store/escort-bookings/${id}/review`,
        { rating: 5, tags: ["专业"], text: ADVERT },
        alice
      )
      // Both wrote, so the pair opened; the advertisement did not.
      expect(written.data.review).toMatchObject({
        state: "opened",
        mine: { moderation: "pending" },
        theirs: { from: "陪诊员", rating: 5 },
      })
      expect((await escortReview(id)).theirs).toBeNull()
      expect((await api.get(`/store/escorts/${escort.id}/reviews`, store)).data.count).toBe(0)

      const [item] = (await queue()).filter((i) => i.review?.booking_id === id)
      expect(item).toMatchObject({
        source_label: "陪诊评价",
        author_label: "会员",
        text: ADVERT,
        status: "pending",
        review: { rating: 5, tags: ["专业"] },
      })
      expect(item.matches).toEqual(
        expect.arrayContaining([
          { category: "medical_ad", category_label: "医疗广告", word: "祖传秘方" },
          { category: "medical_ad", category_label: "医疗广告", word: "根治" },
          { category: "contact", category_label: "联系方式", word: "微信号" },
        ])
      )
      expect(JSON.stringify(item)).not.toContain(aliceId)

      // Finance is not the moderation desk.
      expect((await failure(api.get("/admin/moderation/items", finance))).status).toBe(403)
      const missingReason = await failure(
        api.post(`/admin/moderation/items/${item.id}/reject`, {}, operations)
      )
      expect(missingReason.status).toBe(400)
      expect(missingReason.data.message).toContain("请填写驳回原因")

      const rejected = await api.post(
        `/admin/moderation/items/${item.id}/reject`,
        { reason: "含医疗广告和联系方式" },
        operations
      )
      expect(rejected.data.item).toMatchObject({ status: "rejected", status_label: "已驳回" })
      const again = await failure(
        api.post(`/admin/moderation/items/${item.id}/approve`, {}, operations)
      )
      expect(again.status).toBe(409)

      expect((await escortReview(id)).theirs).toBeNull()
      expect((await memberReview(id)).mine).toMatchObject({
        moderation: "rejected",
        rejected_reason: "含医疗广告和联系方式",
      })
      // The author is told in their inbox.
      const inbox = await eventually(
        async () => (await api.get("/store/inbox", alice)).data.messages as any[],
        (messages) => messages.some((m) => m.title === "内容未通过审核")
      )
      expect(inbox.find((m) => m.title === "内容未通过审核").body).toContain("含医疗广告和联系方式")
      // A rejected member review counts for nothing.
      const income = (await api.get("/escort/income", escort.auth)).data.income
      expect(income.rating_average).toBeNull()
    })

    it("shows a flagged review once staff approve it, with the text as they edited it", async () => {
      const id = served.edited
      await api.post(
        `/store/escort-bookings/${id}/review`,
        { rating: 5, text: "服务很好，下次还找她，电话 138 1234 5678" },
        alice
      )
      await api.post(`/escort/tasks/${id}/review`, { rating: 4 }, escort.auth)
      expect((await escortReview(id)).theirs).toBeNull()
      const [item] = (await queue()).filter((i) => i.review?.booking_id === id)
      expect(item.matches).toEqual([
        { category: "contact", category_label: "联系方式", word: "手机号" },
      ])
      const approved = await api.post(
        `/admin/moderation/items/${item.id}/approve`,
        { text: "服务很好，下次还找她" },
        operations
      )
      expect(approved.data.item).toMatchObject({
        status: "approved",
        final_text: "服务很好，下次还找她",
      })
      expect((await escortReview(id)).theirs).toMatchObject({
        from: "匿名会员",
        text: "服务很好，下次还找她",
      })
      const list = (await api.get(`/store/escorts/${escort.id}/reviews`, store)).data
      expect(list.reviews).toEqual([expect.objectContaining({ text: "服务很好，下次还找她" })])
      expect(list.rating).toEqual({ average: 5, count: 1 })
      expect((await queue()).some((i) => i.id === item.id)).toBe(false)
      await eventually(
        async () => (await api.get("/store/inbox", alice)).data.messages as any[],
        (messages) => messages.some((m) => m.title === "内容已通过审核")
      )
    })

    it("puts a reported review in the queue; it shows until staff reject it", async () => {
      const id = served.reported
      const early = await failure(
        api.post(`/escort/tasks/${id}/review/report`, { reason: "恶意差评" }, escort.auth)
      )
      expect(early.status).toBe(404)
      await api.post(`/store/escort-bookings/${id}/review`, { rating: 1, text: "态度很差" }, alice)
      await api.post(`/escort/tasks/${id}/review`, { rating: 5 }, escort.auth)
      expect((await escortReview(id)).theirs).toMatchObject({ rating: 1, text: "态度很差" })

      const reported = await api.post(
        `/escort/tasks/${id}/review/report`,
        { reason: "恶意差评，与事实不符" },
        escort.auth
      )
      expect(reported.status).toBe(201)
      expect(reported.data.report.status).toBe("pending")
      const noReason = await failure(
        api.post(`/store/escort-bookings/${id}/review/report`, { reason: " " }, alice)
      )
      expect(noReason.status).toBe(400)
      // One report does not silence a review.
      expect((await escortReview(id)).theirs).not.toBeNull()
      const [item] = (await queue()).filter((i) => i.review?.booking_id === id)
      expect(item).toMatchObject({
        text: "态度很差",
        matches: [],
        reports: [expect.objectContaining({ by: "陪诊员", reason: "恶意差评，与事实不符" })],
      })
      expect(JSON.stringify(item)).not.toContain(escort.id)

      await api.post(
        `/admin/moderation/items/${item.id}/reject`,
        { reason: "评价与服务记录不符" },
        operations
      )
      expect((await escortReview(id)).theirs).toBeNull()
      expect((await api.get(`/store/escorts/${escort.id}/reviews`, store)).data.count).toBe(0)
    })

    it("puts a reported message in the queue; the text stays sealed and staff read it audited", async () => {
      const id = served.reported
      const sent = await api.post(
        `/escort/tasks/${id}/messages`,
        { text: "下次直接找我，私下交易更便宜" },
        escort.auth
      )
      const mine = await api.post(`/store/escort-bookings/${id}/messages`, { text: "好的" }, alice)
      const messageId = sent.data.message.id
      // Only the other party's message, and only by a party of the booking.
      for (const attempt of [
        () =>
          api.post(
            `/store/escort-bookings/${id}/messages/${mine.data.message.id}/report`,
            { reason: "x" },
            alice
          ),
        () =>
          api.post(
            `/store/escort-bookings/${id}/messages/${messageId}/report`,
            { reason: "x" },
            bob
          ),
        () =>
          api.post(
            `/escort/tasks/${id}/messages/${messageId}/report`,
            { reason: "x" },
            otherEscort.auth
          ),
      ]) {
        expect((await failure(attempt())).status).toBe(404)
      }
      const reported = await api.post(
        `/store/escort-bookings/${id}/messages/${messageId}/report`,
        { reason: "陪诊员要求私下交易" },
        alice
      )
      expect(reported.status).toBe(201)

      // The queue keeps a reference, not a plaintext copy of the sealed message.
      const [row] = (
        await pg().raw(`select text from moderation_item where source_id = ?`, [messageId])
      ).rows
      expect(row.text).toBe("")
      const [item] = (await queue()).filter((i) => i.message?.booking_id === id)
      expect(item).toMatchObject({
        source_label: "陪诊消息",
        author_label: "陪诊员",
        text: "下次直接找我，私下交易更便宜",
        reports: [expect.objectContaining({ by: "会员", reason: "陪诊员要求私下交易" })],
      })
      const audited = await eventually(
        async () =>
          (
            await pg().raw(`select action from audit_entry where action = ?`, [
              "moderation.messages.read",
            ])
          ).rows as unknown[],
        (rows) => rows.length > 0
      )
      expect(audited.length).toBeGreaterThan(0)
      const rejected = await api.post(
        `/admin/moderation/items/${item.id}/reject`,
        { reason: "诱导私下交易" },
        operations
      )
      expect(rejected.data.item.status).toBe("rejected")
    })

    it("lets 运营 maintain the word list, and the filter uses it at once", async () => {
      const words = (await api.get("/admin/moderation/words", operations)).data.words as any[]
      expect(words).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            word: "根治",
            category: "medical_ad",
            category_label: "医疗广告",
          }),
          expect.objectContaining({ word: "代孕", category: "illegal" }),
        ])
      )
      const added = await api.post(
        "/admin/moderation/words",
        { word: "神仙水", category: "medical_ad" },
        operations
      )
      expect(added.status).toBe(201)
      const twice = await failure(
        api.post("/admin/moderation/words", { word: "神仙水", category: "medical_ad" }, operations)
      )
      expect(twice.status).toBe(409)
      const badCategory = await failure(
        api.post("/admin/moderation/words", { word: "x", category: "spam" }, operations)
      )
      expect(badCategory.status).toBe(400)
      expect(badCategory.data.message).toContain("分类只能是")

      const id = served.words
      const flagged = await api.post(
        `/store/escort-bookings/${id}/review`,
        { rating: 5, text: "推荐大家喝 神 仙 水" },
        alice
      )
      expect(flagged.data.review.mine.moderation).toBe("pending")

      // Switched off, the word no longer flags; the rewritten review leaves the queue.
      await api.post(`/admin/moderation/words/${added.data.word.id}`, { active: false }, operations)
      const rewritten = await api.post(
        `/store/escort-bookings/${id}/review`,
        { rating: 5, text: "推荐大家喝 神 仙 水" },
        alice
      )
      expect(rewritten.data.review.mine.moderation).toBe("clear")
      expect((await queue()).some((i) => i.review?.booking_id === id)).toBe(false)
      expect((await failure(api.get("/admin/moderation/words", finance))).status).toBe(403)
    })
  },
})
