import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import { randomUUID } from "crypto"
import http from "http"
import Redis from "ioredis"
import { DomainEvent } from "../../src/lib/events/domain-events"
import { PaymentsJob, type ReconcileTransferJob } from "../../src/lib/queue/jobs"
import { LogSmsSender } from "../../src/lib/sms/log-sms-sender"
import { ESCORT_MODULE } from "../../src/modules/escort"
import type EscortModuleService from "../../src/modules/escort/service"
import { recordEscortEarningWorkflow } from "../../src/workflows/escort-income/record-escort-earning"
import { releaseDueEscortEarnings } from "../../src/workflows/escort-income/release-due-escort-earnings"
import { paymentsQueue } from "../../src/queues/payments-queue"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"
import { startWechatStandin } from "../helpers/wechat-standin"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

// Escort withdrawals are paid by WeChat 商家转账 through the sandbox: the app reads
// WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()

type Headers = { headers: Record<string, string> }

const PRICE = 19900
const HOUR = 3_600_000
const STEPS = ["departed", "arrived", "accompanying", "completed"]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let admin: Headers
    let alice: Headers
    let bob: Headers
    let aliceId: string
    let phoneSeq = 0
    let daySeq = 0

    let sandbox: Sandbox
    let standin: Awaited<ReturnType<typeof startWechatStandin>>
    let forwarder: http.Server
    const transferCallbacks: number[] = []

    beforeAll(async () => {
      // The escort mode's wx.login codes are exchanged at the WeChat API stand-in.
      standin = await startWechatStandin()
      process.env.WECHAT_API_BASE = standin.url
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      // WeChat posts transfer outcomes to this test's app (its port is only known now).
      forwarder = http.createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", async () => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, String(v)])
          )
          // A retry arriving as the app stops answers as an unreachable merchant would.
          const status = await fetch(`${api.defaults.baseURL}/hooks/wechatpay/transfer`, {
            method: "POST",
            headers: { ...headers, host: "" },
            body,
          }).then(
            (answer) => answer.status,
            () => 502
          )
          transferCallbacks.push(status)
          res.writeHead(status)
          res.end()
        })
      })
      await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve))
      sandbox.setNotifyUrl(`http://127.0.0.1:${(forwarder.address() as { port: number }).port}/`)
    })

    afterAll(async () => {
      standin?.process.kill()
      await sandbox?.close()
      await new Promise((resolve) => {
        if (!forwarder) return resolve(undefined)
        forwarder.close(resolve)
        forwarder.closeAllConnections()
      })
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    beforeEach(async () => {
      const key = await createPublishableKey(getContainer())
      store = { headers: { "x-publishable-api-key": key } }
      admin = await adminHeaders(getContainer(), api)
      alice = await registerCustomer(api, key, "alice@example.com")
      bob = await registerCustomer(api, key, "bob@example.com")
      aliceId = (await api.get("/store/customers/me", alice)).data.customer.id
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const escortModule = () => getContainer().resolve<EscortModuleService>(ESCORT_MODULE)
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    /** Operations add an escort; the escort signs in with an SMS code. */
    const signInEscort = async (city = "长沙市") => {
      const phone = `1390000${String(++phoneSeq).padStart(4, "0")}`
      const created = await api.post(
        "/admin/escorts",
        { phone, name: `陪诊员${phone.slice(-4)}`, city },
        admin
      )
      await redis.del(`${prefix}:otp:cooldown:+86${phone}`)
      await api.post("/store/auth/sms-codes", { phone, purpose: "login" }, store)
      const code = LogSmsSender.latestTo(`+86${phone}`)?.params.code as string
      const { data } = await api.post("/auth/escort/phone", { phone, code })
      return {
        id: created.data.escort.id as string,
        auth: { headers: { authorization: `Bearer ${data.token}` } } as Headers,
      }
    }

    /** Alice's paid booking (待接单), each on its own day so one escort can take many. */
    const paidBooking = async (price = PRICE) => {
      const escorts = escortModule()
      const date = `2027-02-${String(++daySeq).padStart(2, "0")}`
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
          service_date: date,
          start_time: "09:00",
          end_time: "11:00",
          person: { name: "张桂兰", id_number: "11010519491231002X" },
          meeting_point: "门诊楼一楼大厅",
          needs: [],
          price_fen: price,
        },
        { actor_type: "customer", actor_id: aliceId }
      )
      await escorts.markPaid(booking.id, { actor_type: "staff", actor_id: "user_test" })
      return booking.id
    }

    /** The escort grabs the booking and walks it to 服务完成 through the app's API. */
    const serve = async (escort: Headers, bookingId: string) => {
      expect((await api.post(`/escort/tasks/${bookingId}/accept`, {}, escort)).status).toBe(200)
      for (const status of STEPS) {
        const moved = await api.post(`/escort/tasks/${bookingId}/progress`, { status }, escort)
        expect(moved.status).toBe(200)
      }
    }

    const incomeOf = async (escort: Headers) => (await api.get("/escort/income", escort)).data
    const earningOf = async (escort: Headers, bookingId: string) =>
      (await incomeOf(escort)).earnings.find(
        (e: { booking_id: string }) => e.booking_id === bookingId
      )
    const untilEarning = (escort: Headers, bookingId: string) =>
      eventually(
        () => earningOf(escort, bookingId),
        (earning) => !!earning,
        30_000
      )
    const earningRows = async (bookingId: string) =>
      (await pg().raw(`select * from escort_earning where booking_id = ?`, [bookingId])).rows

    it("records one pending earning at 服务完成, once however often completion is announced", async () => {
      const escort = await signInEscort()
      const served = await paidBooking()
      const before = Date.now()
      await serve(escort.auth, served)
      // The completion event records it: 60% of ¥199.00 for a 见习, released 24 h later.
      const earning = await untilEarning(escort.auth, served)
      expect(earning).toMatchObject({
        service_name: "半日陪诊",
        price_fen: PRICE,
        share_percent: 60,
        amount_fen: 11940,
        status: "pending",
      })
      const releaseAt = Date.parse(earning.available_at)
      expect(releaseAt).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000)
      expect(releaseAt).toBeLessThanOrEqual(Date.now() + 24 * HOUR + 1000)
      expect((await incomeOf(escort.auth)).income).toMatchObject({
        balance_fen: 0,
        pending_fen: 11940,
        frozen_fen: 0,
        withdrawn_fen: 0,
        level: "trainee",
        level_label: "见习",
        share_percent: 60,
        completed_count: 1,
        rating_average: null,
      })

      // A booking finished without its event: many workflows and replayed events race.
      const raced = await paidBooking()
      await escortModule().updateEscortBookings({
        id: raced,
        status: "completed",
        escort_id: escort.id,
      })
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const runs = await Promise.all([
        ...Array.from({ length: 6 }, () =>
          recordEscortEarningWorkflow(getContainer()).run({ input: { booking_id: raced } })
        ),
        ...Array.from({ length: 3 }, () =>
          eventBus.emit({ name: DomainEvent.ESCORT_BOOKING_COMPLETED, data: { id: raced } })
        ),
      ])
      await untilEarning(escort.auth, raced)
      // Give the emitted events their run too, then count: one row, created at most once.
      await eventually(
        () => releaseDueEscortEarnings(getContainer()),
        (sweep) => sweep.recorded === 0
      )
      expect(await earningRows(raced)).toHaveLength(1)
      const created = runs.filter((run: any) => run?.result?.created === true)
      expect(created.length).toBeLessThanOrEqual(1)
      expect(await earningRows(served)).toHaveLength(1)
    })

    it("confirming with a rating makes the income available and recomputes the level", async () => {
      // Operations lower the 银牌 bar to one rated service, so this escort reaches it.
      const settings = {
        share_percent: { trainee: 60, silver: 75, gold: 85 },
        level_rules: {
          silver: { min_completed: 1, min_ratings: 1, min_rating: 4.5 },
          gold: { min_completed: 50, min_ratings: 10, min_rating: 4.8 },
        },
        release_hours: 24,
      }
      const badSettings = await failure(
        api.post(
          "/admin/escort-income/settings",
          { ...settings, share_percent: { trainee: 90, silver: 75, gold: 85 } },
          admin
        )
      )
      expect(badSettings.status).toBe(400)
      expect(badSettings.data.message).toContain("分成比例应按见习 ≤ 银牌 ≤ 金牌设置")
      const saved = await api.post("/admin/escort-income/settings", settings, admin)
      expect(saved.data.settings).toEqual(settings)

      const escort = await signInEscort()
      const id = await paidBooking()
      await serve(escort.auth, id)
      await untilEarning(escort.auth, id)

      const badRating = await failure(
        api.post(`/store/escort-bookings/${id}/confirm`, { rating: 6 }, alice)
      )
      expect(badRating.status).toBe(400)
      expect(badRating.data.message).toContain("评分应为 1–5 的整数")
      const notHers = await failure(
        api.post(`/store/escort-bookings/${id}/confirm`, { rating: 1 }, bob)
      )
      expect(notHers.status).toBe(404)

      const confirmed = await api.post(
        `/store/escort-bookings/${id}/confirm`,
        { rating: 5, tags: ["耐心", "专业"] },
        alice
      )
      expect(confirmed.data.booking.status).toBe("confirmed")
      const { income, earnings } = await incomeOf(escort.auth)
      expect(earnings).toEqual([
        expect.objectContaining({ booking_id: id, status: "available", amount_fen: 11940 }),
      ])
      expect(income).toMatchObject({
        balance_fen: 11940,
        pending_fen: 0,
        level: "silver",
        level_label: "银牌",
        share_percent: 75,
        completed_count: 1,
        rating_average: 5,
        next_level: { level_label: "金牌", needs: "再完成 49 单，再获得 9 条评分" },
      })
      expect(income.rules).toEqual([
        { level_label: "见习", share_percent: 60, condition: "入职即为见习陪诊员" },
        {
          level_label: "银牌",
          share_percent: 75,
          condition: "完成 1 单服务，至少 1 条评分且平均分不低于 4.5",
        },
        {
          level_label: "金牌",
          share_percent: 85,
          condition: "完成 50 单服务，至少 10 条评分且平均分不低于 4.8",
        },
      ])
      const [rating] = (await pg().raw(`select * from escort_rating where booking_id = ?`, [id]))
        .rows
      expect(rating).toMatchObject({ rating: 5, tags: ["耐心", "专业"], customer_id: aliceId })

      // Confirming twice changes nothing; the next service earns the 银牌 share.
      const again = await failure(api.post(`/store/escort-bookings/${id}/confirm`, {}, alice))
      expect(again.status).toBe(409)
      const next = await paidBooking()
      await serve(escort.auth, next)
      expect(await untilEarning(escort.auth, next)).toMatchObject({
        share_percent: 75,
        amount_fen: 14925,
      })
    })

    it("releases income by itself 24 h after 服务完成; a booking cancelled before completion earns nothing", async () => {
      const escort = await signInEscort()
      const id = await paidBooking()
      await serve(escort.auth, id)
      const earning = await untilEarning(escort.auth, id)
      const due = Date.parse(earning.available_at)

      await releaseDueEscortEarnings(getContainer(), new Date(due - 60_000))
      expect((await earningOf(escort.auth, id)).status).toBe("pending")
      const sweep = await releaseDueEscortEarnings(getContainer(), new Date(due + 60_000))
      expect(sweep.released).toBeGreaterThanOrEqual(1)
      expect(await earningOf(escort.auth, id)).toMatchObject({
        status: "available",
        available_at: new Date(due).toISOString(),
      })
      expect((await incomeOf(escort.auth)).income.balance_fen).toBe(11940)

      // Accepted, then cancelled by the member before the service: no earning, ever.
      const cancelled = await paidBooking()
      await api.post(`/escort/tasks/${cancelled}/accept`, {}, escort.auth)
      expect((await api.post(`/store/escort-bookings/${cancelled}/cancel`, {}, alice)).status).toBe(
        200
      )
      await releaseDueEscortEarnings(getContainer(), new Date(due + 60_000))
      expect(await earningRows(cancelled)).toEqual([])
    })

    it("a dispute freezes the income until operations release it or refund the member", async () => {
      const escort = await signInEscort()
      const [refunded, released, late] = [
        await paidBooking(),
        await paidBooking(),
        await paidBooking(),
      ]
      for (const id of [refunded, released, late]) await serve(escort.auth, id)
      for (const id of [refunded, released, late]) await untilEarning(escort.auth, id)

      const empty = await failure(api.post(`/store/escort-bookings/${refunded}/dispute`, {}, alice))
      expect(empty.status).toBe(400)
      expect(empty.data.message).toContain("请填写申诉原因")
      const notHers = await failure(
        api.post(`/store/escort-bookings/${refunded}/dispute`, { reason: "不是我的" }, bob)
      )
      expect(notHers.status).toBe(404)
      const opened = await api.post(
        `/store/escort-bookings/${refunded}/dispute`,
        { reason: "陪诊员迟到一小时" },
        alice
      )
      expect(opened.status).toBe(201)
      expect(opened.data.dispute).toMatchObject({ status: "open", reason: "陪诊员迟到一小时" })
      const twice = await failure(
        api.post(`/store/escort-bookings/${refunded}/dispute`, { reason: "再次申诉" }, alice)
      )
      expect(twice.status).toBe(409)
      await api.post(`/store/escort-bookings/${released}/dispute`, { reason: "态度不好" }, alice)
      // The member's timeline shows the dispute; the booking's own status does not move.
      const disputedRead = (await api.get(`/store/escort-bookings/${refunded}`, alice)).data.booking
      expect(disputedRead.status).toBe("completed")
      expect(disputedRead.events.at(-1)).toMatchObject({
        status: "dispute_opened",
        actor_type: "customer",
        note: "会员提交申诉：陪诊员迟到一小时",
        flagged: false,
      })

      // Frozen: neither confirmation nor the 24 h release pays it out.
      await api.post(`/store/escort-bookings/${refunded}/confirm`, { rating: 2 }, alice)
      await releaseDueEscortEarnings(getContainer(), new Date(Date.now() + 48 * HOUR))
      expect((await earningOf(escort.auth, refunded)).status).toBe("frozen")
      // The third was released by the sweep: too late to dispute now.
      const tooLate = await failure(
        api.post(`/store/escort-bookings/${late}/dispute`, { reason: "晚了" }, alice)
      )
      expect(tooLate.status).toBe(409)
      expect(tooLate.data.message).toBe("服务已确认或已超过申诉期限，不能再申诉")
      expect((await incomeOf(escort.auth)).income).toMatchObject({
        frozen_fen: 2 * 11940,
        balance_fen: 11940,
      })

      const { disputes } = (await api.get("/admin/escort-income/disputes?status=open", admin)).data
      const byBooking = Object.fromEntries(disputes.map((d: any) => [d.booking_id, d]))
      expect(byBooking[refunded]).toMatchObject({
        reason: "陪诊员迟到一小时",
        escort_id: escort.id,
      })
      const tooMuch = await failure(
        api.post(
          `/admin/escort-income/disputes/${byBooking[refunded].id}/resolve`,
          { outcome: "refund", refund_fen: PRICE + 1 },
          admin
        )
      )
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toContain("退款金额应在 ¥0.01 至 ¥199.00 之间")

      // Half refunded to the member, twice at once: once; the escort keeps 60% of the rest.
      const resolves = await Promise.all(
        [1, 2].map(() =>
          failure(
            api.post(
              `/admin/escort-income/disputes/${byBooking[refunded].id}/resolve`,
              { outcome: "refund", refund_fen: 9950, note: "迟到属实，退一半" },
              admin
            )
          )
        )
      )
      expect(resolves.map((r) => r.status).sort()).toEqual([200, 409])
      const ok = resolves.find((r) => r.status === 200)
      expect(ok.data).toMatchObject({
        dispute: { status: "resolved", outcome: "refund", refund_fen: 9950 },
        // Marked paid by hand (no order): finance returns the money offline.
        refund: { through: "offline", fen: 9950 },
      })
      expect(await earningOf(escort.auth, refunded)).toMatchObject({
        status: "available",
        amount_fen: 5970,
      })
      const timelineOf = async (id: string) =>
        (await api.get(`/store/escort-bookings/${id}`, alice)).data.booking.events as any[]
      const resolvedEvents = (await timelineOf(refunded)).filter((e) =>
        e.status.startsWith("dispute_")
      )
      // Once, though two resolves raced.
      expect(resolvedEvents.map((e) => [e.status, e.note])).toEqual([
        ["dispute_opened", "会员提交申诉：陪诊员迟到一小时"],
        ["dispute_resolved", "申诉已处理：退款 ¥99.50（由平台线下退回）。说明：迟到属实，退一半"],
      ])

      await api.post(
        `/admin/escort-income/disputes/${byBooking[released].id}/resolve`,
        { outcome: "release", note: "沟通后会员撤回" },
        admin
      )
      expect((await earningOf(escort.auth, released)).status).toBe("available")
      expect((await timelineOf(released)).at(-1)).toMatchObject({
        status: "dispute_resolved",
        actor_type: "staff",
        note: "申诉已处理：核实后服务费结算给陪诊员，不予退款。说明：沟通后会员撤回",
      })
      expect((await incomeOf(escort.auth)).income).toMatchObject({
        frozen_fen: 0,
        balance_fen: 11940 + 5970 + 11940,
      })
      const open = (await api.get("/admin/escort-income/disputes?status=open", admin)).data
      expect(open.disputes.filter((d: any) => d.escort_id === escort.id)).toEqual([])
    })

    it("withdraws atomically: of two requests for the whole balance one is refused; finance approves and records the transfer", async () => {
      const escort = await signInEscort()
      const other = await signInEscort()
      const id = await paidBooking()
      await serve(escort.auth, id)
      await untilEarning(escort.auth, id)
      await api.post(`/store/escort-bookings/${id}/confirm`, {}, alice)

      const zero = await failure(api.post("/escort/withdrawals", { amount_fen: 0 }, escort.auth))
      expect(zero.status).toBe(400)
      expect(zero.data.message).toContain("提现金额应为正整数（分）")
      const both = await Promise.all(
        [1, 2].map(() =>
          failure(api.post("/escort/withdrawals", { amount_fen: 11940 }, escort.auth))
        )
      )
      expect(both.map((r) => r.status).sort()).toEqual([201, 409])
      const refused = both.find((r) => r.status === 409)
      expect(refused.data.message).toContain("可提现余额不足")
      const { withdrawal } = both.find((r) => r.status === 201).data
      expect(withdrawal).toMatchObject({ amount_fen: 11940, status: "requested" })
      expect((await incomeOf(escort.auth)).income.balance_fen).toBe(0)

      // Another escort sees none of it and has nothing to withdraw.
      expect((await api.get("/escort/withdrawals", other.auth)).data.withdrawals).toEqual([])
      expect((await incomeOf(other.auth)).earnings).toEqual([])
      const theirs = await failure(api.post("/escort/withdrawals", { amount_fen: 100 }, other.auth))
      expect(theirs.status).toBe(409)
      // A member is not an escort.
      expect((await failure(api.get("/escort/income", alice))).status).toBe(401)

      const finance = await adminHeaders(getContainer(), api, "finance@health.local", ["finance"])
      const operations = await adminHeaders(getContainer(), api, "ops2@health.local", [
        "operations",
      ])
      const listed = (await api.get("/admin/escort-income/withdrawals?status=requested", finance))
        .data.withdrawals
      expect(listed.map((w: any) => w.id)).toContain(withdrawal.id)
      const early = await failure(
        api.post(
          `/admin/escort-income/withdrawals/${withdrawal.id}/pay`,
          { reference: "BANK-1" },
          finance
        )
      )
      expect(early.status).toBe(409)
      expect(
        (
          await failure(
            api.post(`/admin/escort-income/withdrawals/${withdrawal.id}/approve`, {}, operations)
          )
        ).status
      ).toBe(403)
      await api.post(`/admin/escort-income/withdrawals/${withdrawal.id}/approve`, {}, finance)
      const paid = await api.post(
        `/admin/escort-income/withdrawals/${withdrawal.id}/pay`,
        { reference: "BANK-20270201-01" },
        finance
      )
      expect(paid.data.withdrawal).toMatchObject({
        status: "paid",
        method: "bank",
        reference: "BANK-20270201-01",
      })
      // A retried pay answers the same; rejecting a paid one is refused.
      const retried = await api.post(
        `/admin/escort-income/withdrawals/${withdrawal.id}/pay`,
        { reference: "BANK-20270201-01" },
        finance
      )
      expect(retried.data.withdrawal.paid_at).toBe(paid.data.withdrawal.paid_at)
      const rejectPaid = await failure(
        api.post(
          `/admin/escort-income/withdrawals/${withdrawal.id}/reject`,
          { reason: "重复" },
          finance
        )
      )
      expect(rejectPaid.status).toBe(409)
      const after = await incomeOf(escort.auth)
      expect(after.income).toMatchObject({ balance_fen: 0, withdrawn_fen: 11940 })
      expect(after.earnings[0].status).toBe("withdrawn")

      // Finance reads withdrawals but not the escort area; operations-style roles lack money.
      expect((await failure(api.get("/admin/escort-income/earnings", finance))).status).toBe(403)
      expect((await failure(api.get("/admin/escort-income/withdrawals", operations))).status).toBe(
        403
      )
      const earnings = (
        await api.get(`/admin/escort-income/earnings?escort_id=${escort.id}`, admin)
      ).data
      expect(earnings).toMatchObject({
        count: 1,
        earnings: [{ booking_id: id, status: "available" }],
      })
      const badFilter = await failure(api.get("/admin/escort-income/earnings?status=lost", admin))
      expect(badFilter.status).toBe(400)
      expect(badFilter.data.message).toContain("status 只能是")
    })

    it("pays a withdrawal by WeChat 商家转账 to the WeChat the escort bound; a failed transfer returns the money", async () => {
      const escort = await signInEscort()
      const other = await signInEscort()
      const id = await paidBooking()
      await serve(escort.auth, id)
      await untilEarning(escort.auth, id)
      await api.post(`/store/escort-bookings/${id}/confirm`, {}, alice)
      const finance = await adminHeaders(getContainer(), api, "fin-wx@health.local", ["finance"])
      const operations = await adminHeaders(getContainer(), api, "ops-wx@health.local", [
        "operations",
      ])
      const approved = async (amount_fen: number) => {
        const { data } = await api.post("/escort/withdrawals", { amount_fen }, escort.auth)
        await api.post(
          `/admin/escort-income/withdrawals/${data.withdrawal.id}/approve`,
          {},
          finance
        )
        return data.withdrawal.id as string
      }
      const transfer = (withdrawalId: string, who: Headers = finance) =>
        failure(
          api.post(`/admin/escort-income/withdrawals/${withdrawalId}/wechat-transfer`, {}, who)
        )
      const mine = async () => (await api.get("/escort/withdrawals", escort.auth)).data.withdrawals

      // Not bound yet: the app offers 绑定微信, and finance cannot transfer (bank stays open).
      expect((await api.get("/escort/wechat", escort.auth)).data.wechat).toEqual({
        bound: false,
        bound_at: null,
      })
      expect((await incomeOf(escort.auth)).income.wechat_bound).toBe(false)
      const first = await approved(11940)
      const unbound = await transfer(first)
      expect(unbound.status).toBe(400)
      expect(unbound.data.message).toContain("该陪诊员还没有绑定微信")
      expect((await mine())[0]).toMatchObject({ id: first, status: "approved" })

      // wx.login in the escort mode → code → bound; a bad code or a WeChat already bound to
      // another escort is refused in Chinese.
      const badCode = await failure(
        api.post("/escort/wechat/bind", { code: "nonsense" }, escort.auth)
      )
      expect(badCode.status).toBe(400)
      expect(badCode.data.message).toContain("微信登录凭证无效或已过期")
      const empty = await failure(api.post("/escort/wechat/bind", {}, escort.auth))
      expect(empty.status).toBe(400)
      expect(empty.data.message).toContain("缺少微信登录凭证 code")
      const who = `escort-${randomUUID().slice(0, 8)}`
      const bound = await api.post("/escort/wechat/bind", { code: `wx-code-${who}.1` }, escort.auth)
      expect(bound.data.wechat).toMatchObject({ bound: true, bound_at: expect.any(String) })
      expect(JSON.stringify(bound.data)).not.toContain("openid")
      const taken = await failure(
        api.post("/escort/wechat/bind", { code: `wx-code-${who}.2` }, other.auth)
      )
      expect(taken.status).toBe(409)
      expect(taken.data.message).toBe("该微信已绑定其他陪诊员账号，请用本人微信绑定")
      expect((await incomeOf(escort.auth)).income.wechat_bound).toBe(true)
      // A member is not an escort.
      expect((await failure(api.post("/escort/wechat/bind", { code: "x" }, alice))).status).toBe(
        401
      )

      // Money moves only for finance; two clicks start one transfer.
      expect((await transfer(first, operations)).status).toBe(403)
      const [one, two] = await Promise.all([transfer(first), transfer(first)])
      expect([one.status, two.status].sort()).toEqual([202, 409])
      const started = [one, two].find((r) => r.status === 202)
      expect(started.data.transfer.state).toBe("WAIT_USER_CONFIRM")
      expect(started.data.withdrawal).toMatchObject({ status: "paying", method: "wechat" })
      const outBillNo = started.data.transfer.out_bill_no as string

      // The failure: WeChat reports it, the amount is back in the balance.
      await sandbox.confirmTransfer(outBillNo, "FAIL")
      const failed = await eventually(
        async () => (await mine()).find((w: any) => w.id === first),
        (w) => w.status === "failed"
      )
      expect(failed.fail_reason).toContain("金额已退回可提现余额")
      expect(failed.transfer).toBeNull()
      expect((await incomeOf(escort.auth)).income).toMatchObject({
        balance_fen: 11940,
        withdrawn_fen: 0,
      })
      expect((await transfer(first)).status).toBe(409)

      // Again, paid: the escort confirms receipt in the mini-program with what
      // wx.requestMerchantTransfer takes; WeChat's callback settles it, once.
      const second = await approved(11940)
      expect((await transfer(second)).status).toBe(202)
      const paying = (await mine()).find((w: any) => w.id === second)
      expect(paying).toMatchObject({ status: "paying", status_label: "微信转账中，待确认收款" })
      expect(paying.transfer).toEqual({
        mch_id: sandbox.keys.mchid,
        app_id: sandbox.keys.appid,
        package: expect.stringMatching(/^sandbox_pkg_/),
      })
      const confirmed = await fetch(`${sandbox.url}/sandbox/transfer/confirm-package`, {
        method: "POST",
        body: JSON.stringify({
          mchId: paying.transfer.mch_id,
          appId: paying.transfer.app_id,
          package: paying.transfer.package,
        }),
      }).then((response) => response.json())
      expect(confirmed.err_msg).toBe("requestMerchantTransfer:ok")
      const paid = await eventually(
        async () => (await mine()).find((w: any) => w.id === second),
        (w) => w.status === "paid"
      )
      expect(paid).toMatchObject({ method: "wechat", transfer: null, paid_at: expect.any(String) })
      expect(transferCallbacks).toContain(204)
      expect((await incomeOf(escort.auth)).income).toMatchObject({
        balance_fen: 0,
        withdrawn_fen: 11940,
      })
      // The periodic check finds the bill settled and changes nothing more.
      const check = paymentsQueue.handlers[PaymentsJob.RECONCILE_TRANSFER] as unknown as (
        job: ReconcileTransferJob,
        context: { container: unknown }
      ) => Promise<{ state: string; settled: boolean }>
      const outBillNo2 = paid.reference as string
      expect(
        await check({ out_bill_no: outBillNo2, checks: 0 }, { container: getContainer() })
      ).toEqual({ state: "SUCCESS", settled: false })
      // Finance still sees it, with the bill as its reference.
      const listed = (await api.get("/admin/escort-income/withdrawals?status=paid", finance)).data
        .withdrawals
      expect(listed.find((w: any) => w.id === second)).toMatchObject({
        method: "wechat",
        reference: outBillNo2,
        escort_name: expect.any(String),
      })
    })
  },
})
