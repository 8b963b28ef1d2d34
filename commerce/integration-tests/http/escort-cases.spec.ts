import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import { randomUUID } from "crypto"
import Redis from "ioredis"
import { ESCORT_MODULE } from "../../src/modules/escort"
import type EscortModuleService from "../../src/modules/escort/service"
import seed from "../../src/scripts/seed"
import { recordEscortEarningWorkflow } from "../../src/workflows/escort-income/record-escort-earning"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { freePortSync } from "../helpers/free-port"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"
import {
  insurerStandinEnv,
  startInsurerStandin,
  type InsurerStandin,
} from "../helpers/insurer-standin"

jest.setTimeout(300_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.SMS_PROVIDER = "log"

// The app reads WECHATPAY_* and INSURER_* when it boots: the stand-ins' addresses come first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()
const INSURER_PORT = freePortSync()
Object.assign(process.env, insurerStandinEnv(INSURER_PORT))

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    let store: Headers
    let admin: Headers
    let alice: Headers
    let bob: Headers
    let halfDay: { id: string; variant_id: string; price_fen: number }
    let sandbox: Sandbox
    let insurer: InsurerStandin
    let phoneSeq = 0

    beforeAll(async () => {
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      insurer = await startInsurerStandin(INSURER_PORT)
    })

    afterAll(async () => {
      insurer?.process.kill()
      await sandbox?.close()
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    // Seeded once, before the runner snapshots the database.
    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [apiKey] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": apiKey.token } }
      admin = await adminHeaders(getContainer(), api)
      alice = await registerCustomer(api, apiKey.token, "alice@example.com")
      bob = await registerCustomer(api, apiKey.token, "bob@example.com")
      const { data } = await api.get("/store/escort-services", store)
      halfDay = data.services.find((s: { title: string }) => s.title === "半日陪诊")
    })

    const failure = (promise: Promise<unknown>): Promise<any> =>
      promise.catch((e: any) => e.response)
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    /** Staff credit a member's available balance (an adjustment entry), in fen. */
    const creditBalance = async (who: Headers, fen: number) => {
      const { data } = await api.get("/store/affiliate/me", who)
      await pg().raw(
        `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
         values (?, ?, 'available', 'adjustment', ?, ?)`,
        [`afle_${randomUUID()}`, data.affiliate.id, fen, randomUUID()]
      )
    }
    const available = async (who: Headers) =>
      Math.round(
        (await api.get("/store/affiliate/me", who)).data.affiliate.balances.available * 100
      )

    /**
     * Alice's booking, written through the escort module (the booking form and its consents
     * are escort-bookings.spec's), paid with store credit alone: the order is placed at once.
     */
    const paidByCredit = async (date: string) => {
      const aliceId = (await api.get("/store/customers/me", alice)).data.customer.id
      const created = await getContainer()
        .resolve<EscortModuleService>(ESCORT_MODULE)
        .createBooking(
          {
            customer_id: aliceId,
            service_id: halfDay.id,
            service_name: "半日陪诊",
            variant_id: halfDay.variant_id,
            extras: [],
            hospital_id: "hosp-xiangya",
            hospital_name: "中南大学湘雅医院",
            department_name: "心血管内科",
            city: "长沙市",
            service_date: date,
            start_time: "08:00",
            end_time: "12:00",
            person: { name: "张桂兰", id_number: "11010519491231002X" },
            meeting_point: "门诊楼一楼大厅",
            needs: [],
            price_fen: halfDay.price_fen,
          },
          { actor_type: "customer", actor_id: aliceId }
        )
      const data = { booking: { id: created.id, price_fen: Number(created.price_fen) } }
      const id = data.booking.id as string
      await creditBalance(alice, data.booking.price_fen)
      const paid = await api.post(
        `/store/escort-bookings/${id}/pay`,
        {
          payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
          store_credit_fen: data.booking.price_fen,
        },
        alice
      )
      expect(paid.data.action).toEqual({ kind: "none" })
      await eventually(
        async () =>
          (await getContainer().resolve<EscortModuleService>(ESCORT_MODULE).ownedBooking(id))
            .status,
        (status) => status === "awaiting_escort",
        30_000
      )
      return { id, price_fen: data.booking.price_fen as number }
    }

    /** Operations add an escort (the escort app's own journey is escort-income.spec's). */
    const addEscort = async () => {
      const phone = `1370000${String(++phoneSeq).padStart(4, "0")}`
      const created = await api.post(
        "/admin/escorts",
        { phone, name: `陪诊员${phone.slice(-4)}`, city: "长沙市" },
        admin
      )
      return created.data.escort.id as string
    }

    /** The escort takes the task and walks it to 服务完成; the income is recorded as at completion. */
    const serve = async (escortId: string, id: string) => {
      const escorts = getContainer().resolve<EscortModuleService>(ESCORT_MODULE)
      await escorts.acceptTask(id, { id: escortId, city: "长沙市" })
      for (const step of ["departed", "arrived", "accompanying", "completed"] as const) {
        await escorts.progressTask(id, escortId, step, {})
      }
      await recordEscortEarningWorkflow(getContainer()).run({ input: { booking_id: id } })
    }

    const guaranteeOf = async (who: Headers, id: string) =>
      (await api.get(`/store/escort-bookings/${id}/guarantee`, who)).data.guarantee

    it("a complaint becomes a case; upholding it pays the member first once, the ledger records each step, the insurer's claim comes back as a recovery", async () => {
      // Finance tops up the fund; the same key again adds nothing.
      const topUp = {
        amount_fen: 1_000_000,
        idempotency_key: "fund-2026-12-a",
        note: "平台保障金注资",
      }
      expect((await api.post("/admin/guarantee-fund/entries", topUp, admin)).status).toBe(201)
      expect((await api.post("/admin/guarantee-fund/entries", topUp, admin)).status).toBe(200)
      const badTopUp = await failure(
        api.post("/admin/guarantee-fund/entries", { ...topUp, amount_fen: 1.5 }, admin)
      )
      expect(badTopUp.status).toBe(400)
      expect(badTopUp.data.message).toContain("注资金额应为正整数（分）")
      expect((await api.get("/admin/guarantee-fund", admin)).data.fund.balance_fen).toBe(1_000_000)

      // Paid: the insurer issues the booking's liability policy, which the member sees.
      const paid = await paidByCredit("2026-12-28")
      const insured = await eventually(
        () => guaranteeOf(alice, paid.id),
        (g: { insured: boolean }) => g.insured,
        30_000
      )
      expect(insured.policy).toEqual({
        policy_no: expect.stringMatching(/^PL\d{14}$/),
        coverage_fen: 5_000_000,
      })
      expect(insured.complaint).toBeUndefined()
      expect(
        (await failure(api.get(`/store/escort-bookings/${paid.id}/guarantee`, bob))).status
      ).toBe(404)

      await serve(await addEscort(), paid.id)
      await api.post(
        `/store/escort-bookings/${paid.id}/dispute`,
        { reason: "陪诊员迟到一小时" },
        alice
      )
      const { disputes } = (await api.get("/admin/escort-income/disputes?status=open", admin)).data
      const disputeId = disputes.find((d: { booking_id: string }) => d.booking_id === paid.id).id

      // The complaint becomes a case by itself (the dispute's event); staff opening it from the
      // complaint again answer the same case.
      const [auto] = await eventually(
        async () =>
          (await api.get(`/admin/escort-cases?booking_id=${paid.id}`, admin)).data.cases as any[],
        (cases) => cases.length > 0,
        30_000
      )
      expect(auto).toMatchObject({
        source: "dispute",
        source_id: disputeId,
        booking_id: paid.id,
        status: "open",
        summary: "会员申诉：陪诊员迟到一小时",
      })
      const caseId = auto.id
      const badOpen = await failure(
        api.post("/admin/escort-cases", { from: "x", source_id: disputeId }, admin)
      )
      expect(badOpen.status).toBe(400)
      expect(badOpen.data.message).toContain("from 只能是 dispute")
      const reopened = await api.post(
        "/admin/escort-cases",
        { from: "dispute", source_id: disputeId },
        admin
      )
      expect(reopened.status).toBe(200)
      expect(reopened.data.case.id).toBe(caseId)
      expect(
        (
          await failure(
            api.post("/admin/escort-cases", { from: "dispute", source_id: "escdsp_none" }, admin)
          )
        ).status
      ).toBe(404)

      const assigned = await api.post(`/admin/escort-cases/${caseId}/assign`, {}, admin)
      expect(assigned.data.case.status).toBe("investigating")
      await api.post(
        `/admin/escort-cases/${caseId}/notes`,
        { body: "已电话联系陪诊员，迟到属实" },
        admin
      )
      const listed = (await api.get("/admin/escort-cases?status=investigating", admin)).data
      expect(listed.cases.map((c: { id: string }) => c.id)).toContain(caseId)
      expect((await failure(api.get("/admin/escort-cases?status=maybe", admin))).status).toBe(400)
      const early = await failure(
        api.post(`/admin/escort-cases/${caseId}/insurance-claim`, { amount_fen: 100 }, admin)
      )
      expect(early.status).toBe(409)
      expect(early.data.message).toBe("事件认定成立后才能申请保险理赔")

      // Over what was paid: refused, and the case is undecided again.
      const tooMuch = await failure(
        api.post(
          `/admin/escort-cases/${caseId}/uphold`,
          { compensation_fen: paid.price_fen + 1, note: "全额赔付" },
          admin
        )
      )
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toContain("退款金额应在")
      expect((await api.get(`/admin/escort-cases/${caseId}`, admin)).data.case.status).toBe(
        "investigating"
      )

      // Two upholds at once: the member is paid once, the second is a 409.
      const before = await available(alice)
      const upholds = await Promise.all(
        [1, 2].map(() =>
          failure(
            api.post(
              `/admin/escort-cases/${caseId}/uphold`,
              { compensation_fen: paid.price_fen, note: "迟到属实，全额先行赔付" },
              admin
            )
          )
        )
      )
      expect(upholds.map((r) => r.status).sort()).toEqual([200, 409])
      const upheld = upholds.find((r) => r.status === 200).data
      expect(upheld.case).toMatchObject({ status: "upheld", compensation_fen: paid.price_fen })
      expect(upheld.compensation).toMatchObject({
        through: "store_credit",
        fen: paid.price_fen,
        store_credit_fen: paid.price_fen,
      })
      expect(await available(alice)).toBe(before + paid.price_fen)
      expect(upholds.find((r) => r.status === 409).data.message).toBe("该事件已认定，不能重复处理")

      // The ledger: compensation out, the escort's reversed share back; the dispute is resolved.
      const detail = (await api.get(`/admin/escort-cases/${caseId}`, admin)).data.case
      const byKind = Object.fromEntries(detail.fund_entries.map((e: any) => [e.kind, e.amount_fen]))
      const [earning] = (
        await pg().raw(
          `select amount_fen, reversed_fen, status from escort_earning where booking_id = ?`,
          [paid.id]
        )
      ).rows
      expect(Number(earning.reversed_fen)).toBeGreaterThan(0)
      expect(byKind).toEqual({
        compensation_paid: -paid.price_fen,
        recovery_from_escort: Number(earning.reversed_fen),
      })
      const [dispute] = (
        await pg().raw(`select status, outcome, refund_fen from escort_dispute where id = ?`, [
          disputeId,
        ])
      ).rows
      expect(dispute).toMatchObject({ status: "resolved", outcome: "refund" })
      expect(Number(dispute.refund_fen)).toBe(paid.price_fen)

      const member = await guaranteeOf(alice, paid.id)
      expect(member.complaint).toEqual({
        status: "upheld",
        status_label: "已认定，平台先行赔付",
        compensation_paid_fen: paid.price_fen,
      })

      // A claim on the policy for what the escort did not return; the insurer pays by callback.
      const claimFen = paid.price_fen - Number(earning.reversed_fen)
      const claimed = await api.post(
        `/admin/escort-cases/${caseId}/insurance-claim`,
        { amount_fen: claimFen },
        admin
      )
      expect(claimed.status).toBe(201)
      expect(claimed.data.claim).toMatchObject({ status: "filed", amount_fen: claimFen })
      expect(
        (
          await failure(
            api.post(
              `/admin/escort-cases/${caseId}/insurance-claim`,
              { amount_fen: claimFen },
              admin
            )
          )
        ).status
      ).toBe(409)
      const hook = `${api.defaults.baseURL}/hooks/insurer`
      expect(
        await insurer.decideClaim(
          claimed.data.claim.claim_no,
          { status: "paid", paid_fen: claimFen },
          hook
        )
      ).toBe(200)
      // The insurer retries: nothing more.
      expect(
        await insurer.decideClaim(
          claimed.data.claim.claim_no,
          { status: "paid", paid_fen: claimFen },
          hook
        )
      ).toBe(200)
      const forged = await failure(
        api.post(
          "/hooks/insurer",
          { claim_no: claimed.data.claim.claim_no, status: "paid", paid_fen: 999999 },
          {
            headers: {
              "x-insurer-appid": "standin-insurer-app",
              "x-insurer-timestamp": String(Math.floor(Date.now() / 1000)),
              "x-insurer-nonce": "n1",
              "x-insurer-signature": "0".repeat(64),
            },
          }
        )
      )
      expect(forged.status).toBe(401)

      const fund = (await api.get("/admin/guarantee-fund", admin)).data
      expect(fund.fund).toEqual({
        balance_fen: 1_000_000 - paid.price_fen + Number(earning.reversed_fen) + claimFen,
        by_kind: {
          fund_in: 1_000_000,
          compensation_paid: -paid.price_fen,
          recovery_from_escort: Number(earning.reversed_fen),
          recovery_from_insurer: claimFen,
        },
      })
      expect(fund.count).toBe(4)

      const closed = await api.post(
        `/admin/escort-cases/${caseId}/close`,
        { note: "赔付与追偿完成" },
        admin
      )
      expect(closed.data.case.status).toBe("closed")
      const timeline = (await api.get(`/admin/escort-cases/${caseId}`, admin)).data.case.timeline
      expect(timeline.map((n: { kind: string }) => n.kind)).toEqual([
        "opened",
        "assigned",
        "note",
        // The refused amount: decided, then withdrawn when paying failed; the timeline keeps both.
        "upheld",
        "undone",
        "upheld",
        "compensation",
        "claim_filed",
        "claim_paid",
        "closed",
      ])

      const csv = await api.get("/admin/guarantee-fund/export", {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(csv.headers["content-type"]).toContain("text/csv")
      const bytes = Buffer.from(csv.data)
      // UTF-8 with a BOM, so Excel reads the Chinese.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n")
      expect(lines[0]).toBe("时间（北京时间）,类型,金额（元）,余额（元）,事件,说明,操作人")
      expect(lines).toHaveLength(5)
      expect(lines[1]).toContain("平台注资,10000.00,10000.00")
    })

    it("a 报备 or alert becomes a case and, dismissed, moves no money; a dismissed complaint releases the escort's frozen income; decided once, closed once", async () => {
      const paid = await paidByCredit("2026-12-29")
      const [alert] = (
        await pg().raw(
          `insert into escort_dispatch_alert (id, booking_id, kind, city, message)
           values (?, ?, 'report', '长沙市', '患者在候诊区摔倒，已陪同处理') returning id`,
          [`escal_${randomUUID()}`, paid.id]
        )
      ).rows
      const opened = await api.post(
        "/admin/escort-cases",
        { from: "alert", source_id: alert.id },
        admin
      )
      expect(opened.status).toBe(201)
      expect(opened.data.case).toMatchObject({
        source: "report",
        source_label: "陪诊员报备",
        summary: "陪诊员报备：患者在候诊区摔倒，已陪同处理",
      })
      const caseId = opened.data.case.id
      const early = await failure(api.post(`/admin/escort-cases/${caseId}/close`, {}, admin))
      expect(early.status).toBe(409)
      expect(early.data.message).toBe("请先认定（成立或不成立）再结案")
      const noReason = await failure(api.post(`/admin/escort-cases/${caseId}/dismiss`, {}, admin))
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toContain("请填写不成立的理由")
      const dismissed = await api.post(
        `/admin/escort-cases/${caseId}/dismiss`,
        { note: "已妥善处理，无责任" },
        admin
      )
      expect(dismissed.data.case.status).toBe("dismissed")
      const uphold = await failure(
        api.post(
          `/admin/escort-cases/${caseId}/uphold`,
          { compensation_fen: 100, note: "改判" },
          admin
        )
      )
      expect(uphold.status).toBe(409)
      expect(
        (await api.post(`/admin/escort-cases/${caseId}/close`, {}, admin)).data.case.status
      ).toBe("closed")
      expect(
        (await failure(api.post(`/admin/escort-cases/${caseId}/close`, {}, admin))).data.message
      ).toBe("该事件已结案")
      expect(
        (await api.get(`/admin/guarantee-fund?case_id=${caseId}`, admin)).data.entries
      ).toEqual([])
      // A 报备 is staff's business: the member's page shows no complaint for it.
      expect((await guaranteeOf(alice, paid.id)).complaint).toBeUndefined()

      // A complaint found unfounded: its frozen escort income is released, once.
      const complained = await paidByCredit("2026-12-30")
      await serve(await addEscort(), complained.id)
      await api.post(
        `/store/escort-bookings/${complained.id}/dispute`,
        { reason: "陪诊员态度不好" },
        alice
      )
      const [dispute] = (
        await pg().raw(`select id from escort_dispute where booking_id = ?`, [complained.id])
      ).rows
      const complaintCase = (
        await api.post("/admin/escort-cases", { from: "dispute", source_id: dispute.id }, admin)
      ).data.case
      const unfounded = await api.post(
        `/admin/escort-cases/${complaintCase.id}/dismiss`,
        { note: "核实录音，陪诊员无不当言行" },
        admin
      )
      expect(unfounded.data.case.status).toBe("dismissed")
      const [released] = (
        await pg().raw(
          `select d.status, d.outcome, e.status as earning_status from escort_dispute d
           join escort_earning e on e.id = d.earning_id where d.id = ?`,
          [dispute.id]
        )
      ).rows
      expect(released).toEqual({
        status: "resolved",
        outcome: "release",
        earning_status: "available",
      })
      expect((await guaranteeOf(alice, complained.id)).complaint).toEqual({
        status: "dismissed",
        status_label: "核实后不成立",
        compensation_paid_fen: 0,
      })
    })
  },
})
