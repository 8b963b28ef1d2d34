import { createAlipaySandboxKeys, startAlipaySandbox, type AlipaySandbox } from "../../sandbox"
import { AlipayProviderService, type AlipaySessionData } from "../../providers/alipay/service"
import { AlipayClient } from "../client"
import { resolveAlipayConfig } from "../config"
import { closeTrade, refundTradeInFull, tradeOutcome, unplacedRefundRequestNoFor } from "../trades"

jest.setTimeout(60_000)

describe("Alipay follow-ups against the sandbox: query, close, refund in full", () => {
  let sandbox: AlipaySandbox
  let client: AlipayClient
  let provider: AlipayProviderService
  let sessions = 0

  beforeAll(async () => {
    sandbox = await startAlipaySandbox({ keys: createAlipaySandboxKeys("public_key") })
    // Nobody listens for notifications here: the follow-ups ask Alipay themselves.
    const env = sandbox.env("http://127.0.0.1:9/hooks/payment/alipay_alipay")
    const config = resolveAlipayConfig({}, env)
    client = new AlipayClient(config)
    provider = new AlipayProviderService(
      {},
      {
        appId: env.ALIPAY_APP_ID,
        privateKey: env.ALIPAY_PRIVATE_KEY,
        alipayPublicKey: env.ALIPAY_PUBLIC_KEY,
        gateway: env.ALIPAY_GATEWAY,
        notifyUrl: env.ALIPAY_NOTIFY_URL,
      }
    )
  })

  afterAll(async () => {
    await sandbox?.close()
  })

  /** A trade the shopper opened at the cashier (unpaid). */
  const opened = async (yuan = 649) => {
    const { data } = await provider.initiatePayment({
      amount: yuan,
      currency_code: "cny",
      data: { session_id: `payses_01JFOLLOWUP${String(++sessions).padStart(15, "0")}` },
    })
    const session = data as AlipaySessionData
    await sandbox.open(session.payment_action)
    return session.out_trade_no
  }

  it("query: unknown trade is null; open is waiting; paid is paid with its amount and trade_no", async () => {
    expect(await tradeOutcome(client, "payses_01JNEVEROPENED000000000000")).toBeNull()
    const tradeNo = await opened(6.49)
    expect(await tradeOutcome(client, tradeNo)).toMatchObject({ state: "waiting", amount_fen: 649 })
    await sandbox.pay(tradeNo, { notify: false })
    expect(await tradeOutcome(client, tradeNo)).toEqual({
      state: "paid",
      amount_fen: 649,
      trade_no: sandbox.trade(tradeNo)!.trade_no,
    })
  })

  it("close: an open trade closes (twice is fine); a never-opened one is closed; a paid one stays paid", async () => {
    const open = await opened()
    expect((await closeTrade(client, open)).state).toBe("closed")
    expect(sandbox.trade(open)!.status).toBe("TRADE_CLOSED")
    expect((await closeTrade(client, open)).state).toBe("closed")

    expect(await closeTrade(client, "payses_01JNEVEROPENED000000000001")).toEqual({
      state: "closed",
      amount_fen: 0,
    })

    const paid = await opened()
    await sandbox.pay(paid, { notify: false })
    expect((await closeTrade(client, paid)).state).toBe("paid")
    expect(sandbox.trade(paid)!.status).toBe("TRADE_SUCCESS")
  })

  it("refund in full: one refund under the trade's own request number, however often it is retried", async () => {
    const tradeNo = await opened(12.34)
    await sandbox.pay(tradeNo, { notify: false })
    const input = { out_trade_no: tradeNo, paid_total: 1234, reason: "订单未能生成，已原路退款" }
    const first = await refundTradeInFull(client, input)
    expect(first).toEqual({
      out_trade_no: tradeNo,
      out_refund_no: unplacedRefundRequestNoFor(tradeNo),
      refund_id: null,
      status: "SUCCESS",
    })
    const retries = await Promise.all([
      refundTradeInFull(client, input),
      refundTradeInFull(client, input),
    ])
    for (const retry of retries) expect(retry.out_refund_no).toBe(first.out_refund_no)
    const trade = sandbox.trade(tradeNo)!
    expect(trade.refunded).toBe(1234)
    expect([...trade.refunds.keys()]).toEqual([first.out_refund_no])
    expect((await tradeOutcome(client, tradeNo))?.state).toBe("refunded")
  })

  it("refund in full after another refund gave it all back: NOT_ENOUGH, nothing more moves", async () => {
    const tradeNo = await opened(5)
    await sandbox.pay(tradeNo, { notify: false })
    await client.call("alipay.trade.refund", {
      out_trade_no: tradeNo,
      refund_amount: "5.00",
      out_request_no: "RF-medusa-compensation",
    })
    const refund = await refundTradeInFull(client, {
      out_trade_no: tradeNo,
      paid_total: 500,
      reason: "订单未能生成，已原路退款",
    })
    expect(refund.status).toBe("NOT_ENOUGH")
    expect(sandbox.trade(tradeNo)!.refunded).toBe(500)
  })
})
