import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { beijingDateOf } from "../../src/workflows/payments/reconciliation/beijing-day"
import { reconcileYesterdayWechatBill } from "../../src/workflows/payments/reconciliation/reconcile-yesterday-wechat-bill"
import { adminHeaders } from "../helpers/actors"
import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv(
  "http://127.0.0.1:9/hooks/payment/wechatpay_wechatpay"
)

type Headers = { headers: Record<string, string> }
const noThrow = { validateStatus: () => true }
const DAY = 24 * 3600_000

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let finance: Headers
    let operations: Headers
    const today = beijingDateOf(new Date())

    beforeAll(async () => {
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      const container = getContainer()
      finance = await adminHeaders(container, api as never, "finance@health.local", ["finance"])
      operations = await adminHeaders(container, api as never, "ops@health.local", ["operations"])
    })

    afterAll(async () => {
      await sandbox?.close()
    })

    const payments = () => getContainer().resolve<IPaymentModuleService>(Modules.PAYMENT)

    /**
     * A WeChat Pay payment as checkout leaves it: a collection, a session that opened a WeChat
     * order, WeChat's record of the buyer paying (`paidFen`, `paidAt`), then Medusa's
     * authorization, which finds it paid and captures it.
     */
    async function wechatPayment(yuan: number, wechat: { paidFen?: number; paidAt?: Date } = {}) {
      const [collection] = await payments().createPaymentCollections([
        { currency_code: "cny", amount: yuan },
      ])
      const session = await payments().createPaymentSession(collection.id, {
        provider_id: WECHATPAY_PROVIDER_ID,
        currency_code: "cny",
        amount: yuan,
        data: { channel: "native" },
      })
      const outTradeNo = (session.data as { out_trade_no: string }).out_trade_no
      sandbox.recordPaidOrder({
        out_trade_no: outTradeNo,
        total: wechat.paidFen ?? yuan * 100,
        paidAt: wechat.paidAt,
        attach: session.id,
      })
      const payment = (await payments().authorizePaymentSession(session.id, {}))!
      const [captured] = await payments().listPayments({ id: payment.id })
      if (!captured.captured_at) await payments().capturePayment({ payment_id: payment.id })
      return { payment, outTradeNo, collection }
    }

    async function orderFor(collectionId: string) {
      const container = getContainer()
      const order = await container.resolve(Modules.ORDER).createOrders({
        currency_code: "cny",
        email: "reconcile@example.com",
        items: [{ title: "肿瘤风险基因检测", quantity: 1, unit_price: 100 }],
      })
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.ORDER]: { order_id: order.id },
        [Modules.PAYMENT]: { payment_collection_id: collectionId },
      })
      return order
    }

    async function offlinePayment(yuan: number) {
      const [collection] = await payments().createPaymentCollections([
        { currency_code: "cny", amount: yuan },
      ])
      const session = await payments().createPaymentSession(collection.id, {
        provider_id: "pp_system_default",
        currency_code: "cny",
        amount: yuan,
        data: {},
      })
      const payment = (await payments().authorizePaymentSession(session.id, {}))!
      await payments().capturePayment({ payment_id: payment.id })
      return payment
    }

    it("reconciles a day of WeChat Pay: matches, differences with their orders, resolutions that survive a re-run", async () => {
      // Matches: paid 699.00, then 199.00 refunded through WeChat.
      const matching = await wechatPayment(699)
      await payments().refundPayment({ payment_id: matching.payment.id, amount: 199 })
      // We captured it today; WeChat's bill put it on another day: missing at WeChat for today.
      const elsewhere = await wechatPayment(88, { paidAt: new Date(Date.now() - 2 * DAY) })
      // We recorded 100.00; WeChat says 99.00 was paid.
      const short = await wechatPayment(100, { paidFen: 9900 })
      const order = await orderFor(short.collection.id)
      // WeChat took 5.00 for an order we never heard of.
      sandbox.recordPaidOrder({ out_trade_no: "PSUNKNOWN0000000000000000001", total: 500 })

      const { status, data } = await api.post(
        "/admin/finance/reconciliation/runs",
        { bill_date: today },
        { ...finance, ...noThrow }
      )
      expect(status).toBe(201)
      expect(data.run).toMatchObject({
        provider_id: WECHATPAY_PROVIDER_ID,
        bill_date: today,
        status: "completed",
        bill_exists: true,
        bill_lines: 4,
        matched: 2,
        difference_count: 3,
        totals: {
          bill_paid: 69900 + 9900 + 500,
          bill_refunded: 19900,
          our_paid: 69900 + 8800 + 10000,
          our_refunded: 19900,
        },
      })
      const runId = data.run.id

      const listed = await api.get(`/admin/finance/reconciliation/runs?bill_date=${today}`, finance)
      expect(listed.data.runs.map((r: { id: string }) => r.id)).toEqual([runId])

      const { data: read } = await api.get(
        `/admin/finance/reconciliation/runs/${runId}/differences`,
        finance
      )
      const byKind = Object.fromEntries(read.differences.map((d: { kind: string }) => [d.kind, d]))
      expect(Object.keys(byKind).sort()).toEqual([
        "amount_mismatch",
        "missing_ours",
        "missing_provider",
      ])
      expect(byKind.missing_provider).toMatchObject({
        subject: "payment",
        out_trade_no: elsewhere.outTradeNo,
        payment_id: elsewhere.payment.id,
        our_amount: 8800,
        bill_amount: null,
      })
      expect(byKind.amount_mismatch).toMatchObject({
        subject: "payment",
        out_trade_no: short.outTradeNo,
        our_amount: 10000,
        bill_amount: 9900,
        order_id: order.id,
        order: { id: order.id, display_id: order.display_id },
      })
      expect(byKind.missing_ours).toMatchObject({
        out_trade_no: "PSUNKNOWN0000000000000000001",
        bill_amount: 500,
        our_amount: null,
        transaction_id: expect.stringMatching(/^4200/),
      })

      // Finance records how the short payment was settled; once only.
      const difference = byKind.amount_mismatch.id
      const empty = await api.post(
        `/admin/finance/reconciliation/differences/${difference}/resolve`,
        { note: "" },
        { ...finance, ...noThrow }
      )
      expect(empty.status).toBe(400)
      expect(empty.data.message).toMatch(/note|处理说明/)
      const resolved = await api.post(
        `/admin/finance/reconciliation/differences/${difference}/resolve`,
        { note: "买家少付 1 元，已联系补款" },
        finance
      )
      expect(resolved.data.difference).toMatchObject({
        id: difference,
        resolution_note: "买家少付 1 元，已联系补款",
        resolved_by: expect.stringMatching(/^user_/),
        resolved_at: expect.any(String),
      })
      const again = await api.post(
        `/admin/finance/reconciliation/differences/${difference}/resolve`,
        { note: "再处理一次" },
        { ...finance, ...noThrow }
      )
      expect(again.status).toBeGreaterThanOrEqual(400)
      expect(again.status).toBeLessThan(500)
      expect(again.data.message).toContain("已处理")
      const missing = await api.post(
        "/admin/finance/reconciliation/differences/recdiff_NOPE/resolve",
        { note: "不存在的差异" },
        { ...finance, ...noThrow }
      )
      expect(missing.status).toBe(404)

      const open = await api.get(
        `/admin/finance/reconciliation/runs/${runId}/differences?resolved=false`,
        finance
      )
      expect(open.data.differences.map((d: { kind: string }) => d.kind).sort()).toEqual([
        "missing_ours",
        "missing_provider",
      ])

      // Run again: same differences, the resolved one keeps its note.
      const rerun = await api.post(
        "/admin/finance/reconciliation/runs",
        { bill_date: today },
        finance
      )
      expect(rerun.data.run).toMatchObject({ matched: 2, difference_count: 3 })
      const { data: reread } = await api.get(
        `/admin/finance/reconciliation/runs/${rerun.data.run.id}/differences?resolved=true`,
        finance
      )
      expect(reread.differences).toEqual([
        expect.objectContaining({
          kind: "amount_mismatch",
          out_trade_no: short.outTradeNo,
          resolution_note: "买家少付 1 元，已联系补款",
        }),
      ])
    })

    it("answers bad input with a Chinese 4xx and keeps other roles out", async () => {
      for (const body of [
        {},
        { bill_date: "2026-13-01" },
        { bill_date: "20261201" },
        { bill_date: "2999-01-01" },
      ]) {
        const { status, data } = await api.post("/admin/finance/reconciliation/runs", body, {
          ...finance,
          ...noThrow,
        })
        expect(status).toBe(400)
        expect(data.message).toMatch(/bill_date|账单日期/)
      }
      const paged = await api.get("/admin/finance/reconciliation/runs?limit=0", {
        ...finance,
        ...noThrow,
      })
      expect(paged.status).toBe(400)
      const unknown = await api.get("/admin/finance/reconciliation/runs/recrun_NOPE/differences", {
        ...finance,
        ...noThrow,
      })
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("对账记录不存在")
      const outsider = await api.get("/admin/finance/reconciliation/runs", {
        ...operations,
        ...noThrow,
      })
      expect(outsider.status).toBe(403)
      const writer = await api.post(
        "/admin/finance/reconciliation/runs",
        { bill_date: today },
        { ...operations, ...noThrow }
      )
      expect(writer.status).toBe(403)
    })

    it("the daily job reconciles yesterday once the bill is out, and only once", async () => {
      // The app's own schedule reconciled the real yesterday at boot; this run pretends to be
      // three days ago, whose yesterday nobody has touched.
      const base = beijingDateOf(new Date(Date.now() - 3 * DAY))
      const noon = new Date(`${base}T12:00:00+08:00`)
      const yesterday = beijingDateOf(new Date(noon.getTime() - DAY))
      // WeChat recorded a payment yesterday that we never captured: the job finds it.
      sandbox.recordPaidOrder({
        out_trade_no: "PSYESTERDAY00000000000000001",
        total: 1999,
        paidAt: new Date(noon.getTime() - DAY),
      })
      const early = await reconcileYesterdayWechatBill(
        getContainer(),
        new Date(`${base}T08:00:00+08:00`)
      )
      expect(early).toEqual({ skipped: "bill_not_ready" })
      const first = await reconcileYesterdayWechatBill(getContainer(), noon)
      expect(first).toMatchObject({ bill_date: yesterday, status: "completed" })
      const second = await reconcileYesterdayWechatBill(getContainer(), noon)
      expect(second).toEqual({ skipped: "done", bill_date: yesterday })
      const { data } = await api.get(
        `/admin/finance/reconciliation/runs/${(first as { run_id: string }).run_id}/differences`,
        finance
      )
      expect(data.run).toMatchObject({ started_by: "system:reconciliation", bill_lines: 1 })
      expect(data.differences).toEqual([
        expect.objectContaining({
          kind: "missing_ours",
          out_trade_no: "PSYESTERDAY00000000000000001",
          bill_amount: 1999,
        }),
      ])
    })

    it("lists offline receipts without a bank reference or sharing one, and records each reference once", async () => {
      const first = await offlinePayment(300)
      const second = await offlinePayment(450)
      const { data: before } = await api.get(
        "/admin/finance/reconciliation/offline-receipts?problem=missing_reference",
        finance
      )
      expect(before.receipts.map((r: { payment_id: string }) => r.payment_id)).toEqual(
        expect.arrayContaining([first.id, second.id])
      )
      expect(
        before.receipts.find((r: { payment_id: string }) => r.payment_id === first.id)
      ).toMatchObject({
        amount: 30000,
        missing_reference: true,
      })

      const recorded = await api.post(
        "/admin/finance/reconciliation/offline-receipts",
        { payment_id: first.id, bank_reference: "ICBC-20261206-0001" },
        finance
      )
      expect(recorded.data.receipt).toMatchObject({
        payment_id: first.id,
        amount: 30000,
        bank_reference: "ICBC-20261206-0001",
      })
      // The same reference again changes nothing; another one for the same payment is refused.
      const same = await api.post(
        "/admin/finance/reconciliation/offline-receipts",
        { payment_id: first.id, bank_reference: "ICBC-20261206-0001" },
        finance
      )
      expect(same.data.receipt.id).toBe(recorded.data.receipt.id)
      const changed = await api.post(
        "/admin/finance/reconciliation/offline-receipts",
        { payment_id: first.id, bank_reference: "ICBC-20261206-0002" },
        { ...finance, ...noThrow }
      )
      expect(changed.status).toBe(400)
      expect(changed.data.message).toContain("已登记银行流水号")

      // One bank transfer given for two orders: both are listed as sharing it.
      await api.post(
        "/admin/finance/reconciliation/offline-receipts",
        { payment_id: second.id, bank_reference: "ICBC-20261206-0001" },
        finance
      )
      const { data: shared } = await api.get(
        "/admin/finance/reconciliation/offline-receipts?problem=duplicate_reference",
        finance
      )
      expect(shared.receipts.map((r: { payment_id: string }) => r.payment_id).sort()).toEqual(
        [first.id, second.id].sort()
      )
      const { data: after } = await api.get(
        "/admin/finance/reconciliation/offline-receipts?problem=missing_reference",
        finance
      )
      expect(after.receipts.map((r: { payment_id: string }) => r.payment_id)).not.toContain(
        first.id
      )

      const wechat = await wechatPayment(10)
      const notOffline = await api.post(
        "/admin/finance/reconciliation/offline-receipts",
        { payment_id: wechat.payment.id, bank_reference: "ICBC-20261206-0009" },
        { ...finance, ...noThrow }
      )
      expect(notOffline.status).toBe(400)
      expect(notOffline.data.message).toBe("只有线下付款需要登记银行流水号")
      const badReference = await api.post(
        "/admin/finance/reconciliation/offline-receipts",
        { payment_id: first.id, bank_reference: "流水" },
        { ...finance, ...noThrow }
      )
      expect(badReference.status).toBe(400)
      expect(badReference.data.message).toMatch(/bank_reference|银行流水号/)
    })

    it("keeps a day whose bill cannot be fetched as a failed run, with the reason, for finance to retry", async () => {
      // Last in this file: WeChat (the sandbox) goes away.
      await sandbox.close()
      const { status, data } = await api.post(
        "/admin/finance/reconciliation/runs",
        { bill_date: today },
        finance
      )
      expect(status).toBe(201)
      expect(data.run).toMatchObject({
        bill_date: today,
        status: "failed",
        error: expect.any(String),
        difference_count: 0,
      })
      const listed = await api.get(`/admin/finance/reconciliation/runs?bill_date=${today}`, finance)
      expect(listed.data.runs[0]).toMatchObject({ id: data.run.id, status: "failed" })
    })
  },
})
