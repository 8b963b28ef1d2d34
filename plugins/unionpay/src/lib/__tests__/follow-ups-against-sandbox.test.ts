import { mkdtempSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { startSandbox, type Sandbox } from "../../sandbox/server"
import { UnionpayProviderService, type UnionpaySessionData } from "../../providers/unionpay/service"
import { resolveUnionpayConfig, type UnionpayConfig } from "../config"
import { encodeForm } from "../acp-form"
import { expiredOrderOutcomeOf, orderOutcomeOf } from "../order-outcome"
import { queryTransaction } from "../transactions"
import { refundOrderInFull, unplacedRefundOrderIdFor } from "../unplaced-refund"

jest.setTimeout(60_000)

describe("UnionPay follow-ups against the sandbox: query, close at payTimeout, refund in full", () => {
  let sandbox: Sandbox
  let config: UnionpayConfig
  let provider: UnionpayProviderService
  let sessions = 0

  beforeAll(async () => {
    sandbox = await startSandbox({
      dataDir: mkdtempSync(path.join(tmpdir(), "upfollowups-")),
      timeScale: 0.001,
    })
    const env = sandbox.providerEnv({
      notifyUrl: "http://127.0.0.1:9/hooks/payment/unionpay_unionpay",
      frontUrl: "http://shop.test/checkout/result",
    })
    config = resolveUnionpayConfig({}, env)
    provider = new UnionpayProviderService(
      {},
      {
        merId: env.UNIONPAY_MER_ID,
        signCert: env.UNIONPAY_SIGN_CERT,
        signCertPassword: env.UNIONPAY_SIGN_CERT_PASSWORD,
        rootCert: env.UNIONPAY_ROOT_CERT,
        middleCert: env.UNIONPAY_MIDDLE_CERT,
        gateway: env.UNIONPAY_GATEWAY,
        notifyUrl: env.UNIONPAY_NOTIFY_URL,
        frontUrl: env.UNIONPAY_FRONT_URL,
        testEnvironment: config.testEnvironment,
      }
    )
  })

  afterAll(async () => {
    await sandbox?.close()
  })

  /** An order the shopper opened at the cashier (posted the form), unpaid. */
  const opened = async (yuan = 699) => {
    const { data } = await provider.initiatePayment({
      amount: yuan,
      currency_code: "cny",
      data: {
        session_id: `payses_01JFOLLOWUPS${String(++sessions).padStart(14, "0")}`,
        channel: "pc_browser",
      },
    })
    const session = data as UnionpaySessionData
    const action = session.payment_action!
    const cashier = await fetch(action.action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encodeForm(action.fields),
    })
    expect(cashier.status).toBe(200)
    return session
  }

  const outcome = async (session: UnionpaySessionData) =>
    orderOutcomeOf(await queryTransaction(config, session.order_id, session.txn_time))

  it("query: an order never paid at is null; a paid one is paid with its amount and queryId", async () => {
    const session = await opened(6.99)
    expect(await outcome(session)).toBeNull()
    await sandbox.pay(session.order_id, { notify: false })
    expect(await outcome(session)).toEqual({
      state: "paid",
      amount_fen: 699,
      trade_no: sandbox.transaction(session.order_id)!.queryId,
    })
  })

  it("past payTimeout an unpaid order is closed and the cashier refuses it; a paid one stays paid", async () => {
    const unpaid = await opened()
    sandbox.expire(unpaid.order_id)
    const closed = expiredOrderOutcomeOf(
      await queryTransaction(config, unpaid.order_id, unpaid.txn_time)
    )
    expect(closed).toEqual({ state: "closed", amount_fen: 0 })
    await expect(sandbox.pay(unpaid.order_id, { notify: false })).rejects.toThrow("timed out")

    const paid = await opened()
    await sandbox.pay(paid.order_id, { notify: false })
    const stays = expiredOrderOutcomeOf(
      await queryTransaction(config, paid.order_id, paid.txn_time)
    )
    expect(stays.state).toBe("paid")
  })

  it("refund in full: one 退货 under the order's own refund orderId, however often it is retried", async () => {
    const session = await opened(12.34)
    await sandbox.pay(session.order_id, { notify: false })
    const input = { ...session, paid_total: 1234 }
    const first = await refundOrderInFull(config, input)
    expect(first).toMatchObject({
      out_trade_no: session.order_id,
      out_refund_no: unplacedRefundOrderIdFor(session.order_id),
      status: "PROCESSING",
    })
    expect(first.refund_id).toBeTruthy()
    const retries = await Promise.all([
      refundOrderInFull(config, input),
      refundOrderInFull(config, input),
    ])
    for (const retry of retries) expect(retry.out_refund_no).toBe(first.out_refund_no)
    const refunds = sandbox.refundsOf(session.order_id)
    expect(refunds.map((r) => [r.txnType, r.orderId, r.txnAmt])).toEqual([
      ["04", first.out_refund_no, 1234],
    ])
  })

  it("refund in full of an order never paid is refused", async () => {
    const session = await opened()
    await expect(refundOrderInFull(config, { ...session, paid_total: 69900 })).rejects.toThrow(
      "未支付"
    )
    expect(sandbox.refundsOf(session.order_id)).toEqual([])
  })
})
