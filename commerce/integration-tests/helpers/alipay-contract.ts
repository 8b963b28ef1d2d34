import {
  createAlipaySandboxKeys,
  providerEnv,
  startAlipaySandbox,
  type AlipaySandbox,
  type SandboxTrade,
} from "@health/medusa-plugin-alipay/sandbox"
import { freePortSync } from "./free-port"
import type {
  ContractNotification,
  ContractSession,
  PaymentProviderContract,
} from "./payment-provider-contract"

/** 支付宝 against its sandbox (public-key mode; certificate mode is covered by the plugin's tests). */
export function alipayContract(): PaymentProviderContract {
  const port = freePortSync()
  const keys = createAlipaySandboxKeys("public_key")
  const stranger = createAlipaySandboxKeys("public_key")
  let sandbox: AlipaySandbox
  const outTradeNo = (session: ContractSession) => String(session.data.out_trade_no)
  const action = (session: ContractSession) =>
    session.data.payment_action as Parameters<AlipaySandbox["open"]>[0]
  const opened = async (session: ContractSession): Promise<SandboxTrade> =>
    sandbox.trade(outTradeNo(session)) ?? (await sandbox.open(action(session)))
  const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`
  const parameters = (notification: ContractNotification) =>
    Object.fromEntries(new URLSearchParams(notification.body))

  return {
    label: "支付宝",
    providerId: "pp_alipay_alipay",
    webhookPath: "/hooks/payment/alipay_alipay",
    env: providerEnv(
      keys,
      `http://127.0.0.1:${port}/gateway.do`,
      "http://localhost/hooks/payment/alipay_alipay"
    ),
    sessionData: { channel: "pc_browser" },
    async start({ webhookUrl }) {
      sandbox = await startAlipaySandbox({ port, keys, notifyUrl: webhookUrl })
    },
    stop: async () => {
      await sandbox?.close()
    },
    async visit(session) {
      await opened(session)
    },
    async pay(session, { notify = true } = {}) {
      await opened(session)
      const delivery = await sandbox.pay(outTradeNo(session), { notify })
      return delivery ? { notification: delivery.notification, answer: delivery.answer } : {}
    },
    async expire(session) {
      await opened(session)
      await sandbox.expire(outTradeNo(session))
    },
    async tradeAtProvider(session) {
      const trade = sandbox.trade(outTradeNo(session))
      if (!trade) return { state: "unknown", refunded: 0 }
      const state =
        trade.status === "WAIT_BUYER_PAY"
          ? "open"
          : trade.status === "TRADE_CLOSED" && trade.refunded === 0
            ? "closed"
            : "paid"
      return { state, refunded: trade.refunded }
    },
    async refundsAtProvider(session) {
      // Alipay knows a refund by the trade and the merchant's out_request_no.
      const trade = sandbox.trade(outTradeNo(session))
      return [...(trade?.refunds ?? new Map()).entries()].map(([id, refund]) => ({
        id,
        amount: refund.amount,
      }))
    },
    forge(notification) {
      const { sign: _sign, ...unsigned } = parameters(notification)
      return sandbox.signNotification(unsigned, stranger.alipayPrivateKey)
    },
    unknownPaymentNotification() {
      return sandbox.signNotification({
        notify_time: "2026-12-06 10:00:00",
        notify_type: "trade_status_sync",
        notify_id: "ac05099524730693a8b330c5ecf72da9786",
        charset: "utf-8",
        version: "1.0",
        app_id: keys.appId,
        auth_app_id: keys.appId,
        seller_id: keys.sellerId,
        trade_no: "2026120622001499990000000001",
        out_trade_no: "payses_01JNOSUCHSESSION000000000",
        trade_status: "TRADE_SUCCESS",
        total_amount: "88.00",
        gmt_payment: "2026-12-06 09:59:58",
      })
    },
    paidNotification(session, amount) {
      // The shopper opened the cashier; the notification claims the trade was paid.
      const trade = sandbox.trade(outTradeNo(session))
      const fields = {
        trade_status: "TRADE_SUCCESS",
        total_amount: yuan(amount),
        receipt_amount: yuan(amount),
        buyer_pay_amount: yuan(amount),
        invoice_amount: yuan(amount),
        gmt_payment: "2026-12-06 10:00:00",
      }
      if (trade) return sandbox.notificationFor(trade, fields)
      return sandbox.signNotification({
        notify_time: "2026-12-06 10:00:01",
        notify_type: "trade_status_sync",
        notify_id: "b1f2c3d4e5f60718293a4b5c6d7e8f90",
        charset: "utf-8",
        version: "1.0",
        app_id: keys.appId,
        auth_app_id: keys.appId,
        seller_id: keys.sellerId,
        trade_no: "2026120622001499990000000002",
        out_trade_no: outTradeNo(session),
        ...fields,
      })
    },
    acknowledged: (answer) => answer.body.trim() === "success",
  }
}
