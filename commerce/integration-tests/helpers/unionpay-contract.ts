import {
  createSandboxPki,
  loadOrCreateSandboxPki,
  providerEnv,
  signAsUnionpay,
  startSandbox,
  type Sandbox,
} from "@health/medusa-plugin-unionpay/sandbox"
import { mkdtempSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import type {
  ContractNotification,
  ContractSession,
  PaymentProviderContract,
} from "./payment-provider-contract"
import { freePortSync } from "./free-port"

const FORM = { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }

const notificationOf = (fields: Record<string, string>): ContractNotification => ({
  body: new URLSearchParams(fields).toString(),
  headers: FORM,
})

/**
 * 银联 against its sandbox: the sandbox's own root, middle and UnionPay signing certificates
 * (made when the spec loads, the app reads them at boot), the merchant's signing certificate,
 * and notifications to the app's /hooks/payment/unionpay_unionpay.
 */
export function unionpayContract(): PaymentProviderContract & {
  visit(session: ContractSession): Promise<void>
} {
  const port = freePortSync()
  const dataDir = mkdtempSync(path.join(tmpdir(), "unionpay-contract-"))
  const pki = loadOrCreateSandboxPki(dataDir)
  // A forger: certificates with UnionPay's name under a root this shop does not trust.
  const stranger = createSandboxPki(pki.merId)
  let sandbox: Sandbox
  const orderId = (session: ContractSession) => String(session.data.order_id)
  const visit = async (session: ContractSession) => {
    if (sandbox.transaction(orderId(session))) return
    // What the shopper's browser does with the form_post: post it to frontTransReq.do.
    const action = session.data.payment_action as { action: string; fields: Record<string, string> }
    const cashier = await fetch(action.action, {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams(action.fields).toString(),
    })
    if (cashier.status !== 200) throw new Error(`cashier refused: ${await cashier.text()}`)
  }

  return {
    label: "银联",
    providerId: "pp_unionpay_unionpay",
    webhookPath: "/hooks/payment/unionpay_unionpay",
    env: providerEnv(pki, dataDir, `http://127.0.0.1:${port}`, {
      notifyUrl: "http://localhost/hooks/payment/unionpay_unionpay",
      frontUrl: "http://localhost:8000/checkout/result",
    }),
    sessionData: { channel: "pc_browser" },
    async start({ webhookUrl }) {
      sandbox = await startSandbox({ port, dataDir, timeScale: 0.001 })
      sandbox.setNotifyUrl(webhookUrl)
    },
    stop: async () => {
      await sandbox?.close()
    },
    visit,
    async pay(session, { notify = true } = {}) {
      await visit(session)
      const delivery = await sandbox.pay(orderId(session), { notify })
      if (!delivery) return {}
      return {
        notification: { body: delivery.notification, headers: FORM },
        answer: {
          status: delivery.status === "error" ? 0 : delivery.status,
          body: delivery.body,
        },
      }
    },
    async expire(session) {
      await visit(session)
      sandbox.expire(orderId(session))
    },
    async tradeAtProvider(session) {
      const trade = sandbox.transaction(orderId(session))
      if (!trade) return { state: "unknown", refunded: 0 }
      const refunded = sandbox
        .refundsOf(orderId(session))
        .filter((refund) => refund.origRespCode === "00")
        .reduce((sum, refund) => sum + refund.txnAmt, 0)
      if (trade.origRespCode === "00") return { state: "paid", refunded }
      const lapsed = !!trade.payTimeout && trade.payTimeout <= acpNow()
      return { state: lapsed ? "closed" : "open", refunded }
    },
    async refundsAtProvider(session) {
      // UnionPay knows each 退货 by its own queryId.
      return sandbox
        .refundsOf(orderId(session))
        .filter((refund) => refund.txnType === "04" && refund.origRespCode === "00")
        .map((refund) => ({ id: String(refund.queryId ?? ""), amount: refund.txnAmt }))
    },
    forge(notification) {
      const fields = Object.fromEntries(new URLSearchParams(notification.body))
      return notificationOf(signAsUnionpay(fields, stranger))
    },
    unknownPaymentNotification() {
      return notificationOf(
        sandbox.paidNotification({
          orderId: "01JNOSUCHSESSION0000000000",
          txnTime: "20261206100000",
          txnAmt: 8800,
        })
      )
    },
    paidNotification(session, amount) {
      return notificationOf(
        sandbox.paidNotification({
          orderId: orderId(session),
          txnTime: String(session.data.txn_time),
          txnAmt: amount,
        })
      )
    },
    acknowledged: (answer) => answer.status === 200 && answer.body.trim() === "ok",
    // ACP has no close for gateway orders: an unpaid one stays payable until its payTimeout.
    closesUnpaidTrades: false,
  }
}

/** Now as ACP writes it (yyyyMMddHHmmss, Beijing), to compare with payTimeout. */
function acpNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-T:]/g, "")
}
