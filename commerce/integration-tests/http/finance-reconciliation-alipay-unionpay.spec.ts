import {
  createAlipaySandboxKeys,
  providerEnv as alipayEnv,
  startAlipaySandbox,
  type AlipaySandbox,
} from "@health/medusa-plugin-alipay/sandbox"
import {
  loadOrCreateSandboxPki,
  providerEnv as unionpayEnv,
  startSandbox as startUnionpaySandbox,
  type Sandbox as UnionpaySandbox,
} from "@health/medusa-plugin-unionpay/sandbox"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { mkdtempSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { beijingDateOf } from "../../src/workflows/payments/reconciliation/beijing-day"
import { billDayOf } from "../../src/workflows/payments/reconciliation/clearing-day"
import { reconcileYesterdayBills } from "../../src/workflows/payments/reconciliation/reconcile-yesterday-bills"
import { adminHeaders } from "../helpers/actors"
import { freePortSync } from "../helpers/free-port"
import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
const ALIPAY = "pp_alipay_alipay"
const UNIONPAY = "pp_unionpay_unionpay"
// Notifications go nowhere: the payments are recorded by Medusa's authorization (a query).
const NOWHERE = "http://127.0.0.1:9/hooks"
// The app reads ALIPAY_* and UNIONPAY_* when it boots: both sandboxes' keys and ports first.
const ALIPAY_PORT = freePortSync()
const alipayKeys = createAlipaySandboxKeys("public_key")
const UNIONPAY_PORT = freePortSync()
const unionpayDir = mkdtempSync(path.join(tmpdir(), "unionpay-reconcile-"))
Object.assign(
  process.env,
  alipayEnv(alipayKeys, `http://127.0.0.1:${ALIPAY_PORT}/gateway.do`, NOWHERE),
  unionpayEnv(
    loadOrCreateSandboxPki(unionpayDir),
    unionpayDir,
    `http://127.0.0.1:${UNIONPAY_PORT}`,
    {
      notifyUrl: NOWHERE,
      frontUrl: "http://localhost:8000/checkout/result",
    }
  )
)

type Headers = { headers: Record<string, string> }
type Difference = { id: string; kind: string; subject: string; out_trade_no: string }
const noThrow = { validateStatus: () => true }
const DAY = 24 * 3600_000

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let alipay: AlipaySandbox
    let unionpay: UnionpaySandbox
    let finance: Headers
    const today = beijingDateOf(new Date())
    // The provider's bill day of what the tests pay now (UnionPay's turns at 23:00 Beijing).
    const billDay = (providerId: string) => billDayOf(providerId, new Date())

    beforeAll(async () => {
      alipay = await startAlipaySandbox({ port: ALIPAY_PORT, keys: alipayKeys, notifyUrl: NOWHERE })
      unionpay = await startUnionpaySandbox({ port: UNIONPAY_PORT, dataDir: unionpayDir })
      unionpay.setNotifyUrl(NOWHERE)
      finance = await adminHeaders(getContainer(), api as never, "finance@health.local", [
        "finance",
      ])
    })

    afterAll(async () => {
      await alipay?.close()
      await unionpay?.close()
    })

    const payments = () => getContainer().resolve<IPaymentModuleService>(Modules.PAYMENT)

    /**
     * A payment as checkout leaves it: a collection, a session whose action the shopper's
     * browser follows to the provider's cashier, the shopper paying there, then Medusa's
     * authorization, which asks the provider, finds it paid and captures it.
     */
    async function paid(providerId: string, yuan: number) {
      const [collection] = await payments().createPaymentCollections([
        { currency_code: "cny", amount: yuan },
      ])
      const session = await payments().createPaymentSession(collection.id, {
        provider_id: providerId,
        currency_code: "cny",
        amount: yuan,
        data: { channel: "pc_browser" },
      })
      const data = session.data as Record<string, unknown>
      const action = data.payment_action as {
        kind: string
        action: string
        fields: Record<string, string>
      }
      let tradeNo: string
      if (providerId === ALIPAY) {
        tradeNo = String(data.out_trade_no)
        await alipay.open(action)
        await alipay.pay(tradeNo, { notify: false })
      } else {
        tradeNo = String(data.order_id)
        const cashier = await fetch(action.action, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(action.fields).toString(),
        })
        expect(cashier.status).toBe(200)
        await unionpay.pay(tradeNo, { notify: false })
      }
      const payment = (await payments().authorizePaymentSession(session.id, {}))!
      const [captured] = await payments().listPayments({ id: payment.id })
      if (!captured.captured_at) await payments().capturePayment({ payment_id: payment.id })
      return { payment, tradeNo, collection }
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

    /**
     * Pays 699.00 and refunds 199.00 of it (matches), pays 100.00 that the provider's bill
     * writes as 99.00, and lets the bill carry 5.00 for a trade we never had.
     */
    async function dayOf(providerId: string, sandbox: AlipaySandbox | UnionpaySandbox) {
      const matching = await paid(providerId, 699)
      await payments().refundPayment({ payment_id: matching.payment.id, amount: 199 })
      const short = await paid(providerId, 100)
      const order = await orderFor(short.collection.id)
      const stranger =
        providerId === ALIPAY ? "payses_01JSTRANGER0000000000000" : "01JSTRANGER000000000000000"
      sandbox.setBillAmount(short.tradeNo, 9900)
      if (providerId === ALIPAY) alipay.addBillLine({ out_trade_no: stranger, amount: 500 })
      else unionpay.addBillLine({ orderId: stranger, txnAmt: 500 })
      return { short, order, stranger }
    }

    it.each([
      ["支付宝", ALIPAY],
      ["银联", UNIONPAY],
    ])(
      "reconciles a day of %s: the paid and partly refunded trade matches, the tampered lines are the differences",
      async (_label, providerId) => {
        const { short, order, stranger } = await dayOf(
          providerId,
          providerId === ALIPAY ? alipay : unionpay
        )
        const { status, data } = await api.post(
          "/admin/finance/reconciliation/runs",
          { bill_date: billDay(providerId), provider_id: providerId },
          { ...finance, ...noThrow }
        )
        expect(status).toBe(201)
        expect(data.runs).toHaveLength(1)
        expect(data.run).toMatchObject({
          provider_id: providerId,
          bill_date: billDay(providerId),
          status: "completed",
          bill_exists: true,
          bill_lines: 4,
          matched: 2,
          difference_count: 2,
          totals: {
            bill_paid: 69900 + 9900 + 500,
            bill_refunded: 19900,
            our_paid: 69900 + 10000,
            our_refunded: 19900,
          },
        })

        const { data: read } = await api.get(
          `/admin/finance/reconciliation/runs/${data.run.id}/differences`,
          finance
        )
        const byKind = Object.fromEntries(
          (read.differences as Difference[]).map((d) => [d.kind, d])
        )
        expect(Object.keys(byKind).sort()).toEqual(["amount_mismatch", "missing_ours"])
        expect(byKind.amount_mismatch).toMatchObject({
          subject: "payment",
          out_trade_no: short.tradeNo,
          payment_id: short.payment.id,
          our_amount: 10000,
          bill_amount: 9900,
          order: { id: order.id, display_id: order.display_id },
        })
        expect(byKind.missing_ours).toMatchObject({
          subject: "payment",
          out_trade_no: stranger,
          bill_amount: 500,
          our_amount: null,
        })

        // Finance settles the short payment with a note; the figures stay as they were.
        const resolved = await api.post(
          `/admin/finance/reconciliation/differences/${byKind.amount_mismatch.id}/resolve`,
          { note: "渠道少结算 1 元，已向渠道核实" },
          finance
        )
        expect(resolved.data.difference).toMatchObject({
          resolution_note: "渠道少结算 1 元，已向渠道核实",
          bill_amount: 9900,
          our_amount: 10000,
          resolved_at: expect.any(String),
        })
        const open = await api.get(
          `/admin/finance/reconciliation/runs/${data.run.id}/differences?resolved=false`,
          finance
        )
        expect(open.data.differences.map((d: Difference) => d.kind)).toEqual(["missing_ours"])

        // Run again: the same differences, the one finance resolved keeps its note.
        const rerun = await api.post(
          "/admin/finance/reconciliation/runs",
          { bill_date: billDay(providerId), provider_id: providerId },
          finance
        )
        expect(rerun.data.run).toMatchObject({ matched: 2, difference_count: 2 })
        const { data: reread } = await api.get(
          `/admin/finance/reconciliation/runs/${rerun.data.run.id}/differences?resolved=true`,
          finance
        )
        expect(reread.differences).toEqual([
          expect.objectContaining({
            kind: "amount_mismatch",
            out_trade_no: short.tradeNo,
            resolution_note: "渠道少结算 1 元，已向渠道核实",
          }),
        ])

        // The list filters by provider: this provider's runs only, newest first.
        const listed = await api.get(
          `/admin/finance/reconciliation/runs?bill_date=${billDay(providerId)}&provider_id=${providerId}`,
          finance
        )
        expect(listed.data.runs.map((r: { id: string }) => r.id)).toEqual([
          rerun.data.run.id,
          data.run.id,
        ])
      }
    )

    it("reconciles every provider the shop takes in one go, and says which it skipped", async () => {
      const { status, data } = await api.post(
        "/admin/finance/reconciliation/runs",
        { bill_date: today },
        finance
      )
      expect(status).toBe(201)
      // WeChat Pay is not configured in this app: skipped, not an error.
      expect(data.skipped).toEqual([
        { provider_id: "pp_wechatpay_wechatpay", reason: "微信支付未开通，已跳过" },
      ])
      expect(data.runs.map((r: { provider_id: string }) => r.provider_id).sort()).toEqual([
        ALIPAY,
        UNIONPAY,
      ])
      expect(data.run).toBeUndefined()
      expect(data.runs.map((r: { status: string }) => r.status)).toEqual(["completed", "completed"])

      const refused = await api.post(
        "/admin/finance/reconciliation/runs",
        { bill_date: today, provider_id: "pp_wechatpay_wechatpay" },
        { ...finance, ...noThrow }
      )
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("微信支付未开通，无法对账")
      const unknown = await api.post(
        "/admin/finance/reconciliation/runs",
        { bill_date: today, provider_id: "pp_paypal" },
        { ...finance, ...noThrow }
      )
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/provider_id|支付渠道/)
    })

    it("the daily job reconciles yesterday for every configured provider and skips the rest", async () => {
      // Three days ago at noon: its yesterday nobody has touched.
      const base = beijingDateOf(new Date(Date.now() - 3 * DAY))
      const noon = new Date(`${base}T12:00:00+08:00`)
      const yesterday = beijingDateOf(new Date(noon.getTime() - DAY))
      alipay.addBillLine({
        out_trade_no: "payses_01JYESTERDAY00000000000000",
        amount: 1999,
        at: new Date(noon.getTime() - DAY),
      })
      const early = await reconcileYesterdayBills(
        getContainer(),
        new Date(`${base}T08:00:00+08:00`)
      )
      expect(early.results).toEqual([
        { provider_id: "pp_wechatpay_wechatpay", skipped: "not_configured" },
        { provider_id: ALIPAY, skipped: "bill_not_ready" },
        { provider_id: UNIONPAY, skipped: "bill_not_ready" },
      ])
      const first = await reconcileYesterdayBills(getContainer(), noon)
      expect(first.results).toEqual([
        { provider_id: "pp_wechatpay_wechatpay", skipped: "not_configured" },
        expect.objectContaining({ provider_id: ALIPAY, bill_date: yesterday, status: "completed" }),
        expect.objectContaining({
          provider_id: UNIONPAY,
          bill_date: yesterday,
          status: "completed",
        }),
      ])
      const again = await reconcileYesterdayBills(getContainer(), noon)
      expect(again.results.slice(1)).toEqual([
        { provider_id: ALIPAY, skipped: "done", bill_date: yesterday },
        { provider_id: UNIONPAY, skipped: "done", bill_date: yesterday },
      ])
      const alipayRun = first.results[1] as { run_id: string }
      const { data } = await api.get(
        `/admin/finance/reconciliation/runs/${alipayRun.run_id}/differences`,
        finance
      )
      expect(data.run).toMatchObject({ started_by: "system:reconciliation", bill_lines: 1 })
      expect(data.differences).toEqual([
        expect.objectContaining({
          kind: "missing_ours",
          out_trade_no: "payses_01JYESTERDAY00000000000000",
          bill_amount: 1999,
        }),
      ])
      // UnionPay had nothing that day: a completed run of an empty day, not a failure.
      const unionpayRun = first.results[2] as { run_id: string }
      const { data: quiet } = await api.get(
        `/admin/finance/reconciliation/runs/${unionpayRun.run_id}/differences`,
        finance
      )
      expect(quiet.run).toMatchObject({ bill_exists: false, bill_lines: 0, difference_count: 0 })
    })
  },
})
