import {
  decryptResource,
  encryptResource,
  loadOrCreateSandboxKeys,
  providerEnv,
  signLines,
  startSandbox,
  type Sandbox,
} from "@health/medusa-plugin-wechatpay/sandbox"
import { generateKeyPairSync, randomUUID } from "crypto"
import { mkdtempSync } from "fs"
import { createServer, type Server } from "http"
import { tmpdir } from "os"
import path from "path"
import { freePortSync } from "./free-port"
import type {
  ContractAnswer,
  ContractNotification,
  ContractSession,
  PaymentProviderContract,
} from "./payment-provider-contract"

type Delivered = { notification: ContractNotification; answer: ContractAnswer }

/** The headers WeChat Pay sends with a callback, as the app reads them. */
const CALLBACK_HEADERS = [
  "content-type",
  "wechatpay-nonce",
  "wechatpay-timestamp",
  "wechatpay-serial",
  "wechatpay-signature",
  "wechatpay-signature-type",
]

/**
 * 微信支付 (Native QR code) against its sandbox. The sandbox's callbacks pass through a
 * recorder on their way to the app: it hands the suite each payment callback and the app's
 * answer, sends refund callbacks to the refund route, and can lose a payment's callback in
 * transit (the app must then learn of the payment by asking WeChat).
 */
export function wechatpayContract(): PaymentProviderContract {
  const port = freePortSync()
  const dataDir = mkdtempSync(path.join(tmpdir(), "wechatpay-contract-"))
  const keys = loadOrCreateSandboxKeys(dataDir)
  // A forger: WeChat's header names and serial, a key this shop does not trust.
  const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
  let sandbox: Sandbox
  let recorder: Server
  const lost = new Set<string>()
  const waiting = new Map<string, (delivered: Delivered) => void>()
  const outTradeNo = (session: ContractSession) => String(session.data.out_trade_no)

  const signed = (body: string, key: Parameters<typeof signLines>[1]): ContractNotification => {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomUUID().replace(/-/g, "").slice(0, 16)
    return {
      body,
      headers: {
        "content-type": "application/json",
        "wechatpay-nonce": nonce,
        "wechatpay-timestamp": timestamp,
        "wechatpay-serial": keys.wechatpayPublicKeyId,
        "wechatpay-signature": signLines([timestamp, nonce, body], key),
        "wechatpay-signature-type": "WECHATPAY2-SHA256-RSA2048",
      },
    }
  }

  /** A TRANSACTION.SUCCESS callback as WeChat sends it, signed with WeChat Pay's key. */
  const paidCallback = (transaction: {
    out_trade_no: string
    attach: string
    total: number
  }): ContractNotification =>
    signed(
      JSON.stringify({
        id: randomUUID(),
        create_time: new Date().toISOString(),
        event_type: "TRANSACTION.SUCCESS",
        resource_type: "encrypt-resource",
        summary: "支付成功",
        resource: encryptResource(
          JSON.stringify({
            appid: keys.appid,
            mchid: keys.mchid,
            out_trade_no: transaction.out_trade_no,
            transaction_id: `4200${Date.now()}`.padEnd(28, "7"),
            trade_type: "NATIVE",
            trade_state: "SUCCESS",
            trade_state_desc: "支付成功",
            attach: transaction.attach,
            success_time: new Date().toISOString(),
            amount: { total: transaction.total, payer_total: transaction.total, currency: "CNY" },
          }),
          keys.apiV3Key,
          "transaction",
          "transaction"
        ),
      }),
      keys.wechatpayPrivateKey
    )

  /** Between the sandbox and the app: records, routes, and (when told) loses payment callbacks. */
  const startRecorder = (webhookUrl: string) =>
    new Promise<Server>((resolve) => {
      const server = createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", async () => {
          const headers = Object.fromEntries(
            CALLBACK_HEADERS.filter((name) => req.headers[name]).map((name) => [
              name,
              String(req.headers[name]),
            ])
          )
          const event = JSON.parse(body) as {
            event_type: string
            resource: Parameters<typeof decryptResource>[0]
          }
          const resource = JSON.parse(decryptResource(event.resource, keys.apiV3Key)) as {
            out_trade_no: string
          }
          if (event.event_type === "TRANSACTION.SUCCESS" && lost.has(resource.out_trade_no)) {
            res.writeHead(204).end()
            return
          }
          const target = event.event_type.startsWith("REFUND.")
            ? webhookUrl.replace(/\/hooks\/payment\/.*$/, "/hooks/wechatpay/refund")
            : webhookUrl
          const answered = await fetch(target, { method: "POST", headers, body })
          const answer = { status: answered.status, body: await answered.text() }
          if (event.event_type === "TRANSACTION.SUCCESS") {
            waiting.get(resource.out_trade_no)?.({ notification: { body, headers }, answer })
            waiting.delete(resource.out_trade_no)
          }
          res.writeHead(answer.status).end(answer.body)
        })
      })
      server.listen(0, "127.0.0.1", () => resolve(server))
    })

  return {
    label: "微信支付",
    providerId: "pp_wechatpay_wechatpay",
    webhookPath: "/hooks/payment/wechatpay_wechatpay",
    env: providerEnv(
      keys,
      dataDir,
      `http://localhost:${port}`,
      "http://localhost/hooks/payment/wechatpay_wechatpay"
    ),
    sessionData: { channel: "native" },
    async start({ webhookUrl }) {
      sandbox = await startSandbox({ port, dataDir, timeScale: 0.001 })
      recorder = await startRecorder(webhookUrl)
      const { port: recorderPort } = recorder.address() as { port: number }
      sandbox.setNotifyUrl(`http://127.0.0.1:${recorderPort}/`)
    },
    async stop() {
      await sandbox?.close()
      await new Promise((resolve) => (recorder ? recorder.close(resolve) : resolve(undefined)))
    },
    async visit(session) {
      // The shopper scans the QR code: WeChat shows the order's cashier.
      const page = await fetch(String(session.data.code_url))
      if (page.status !== 200) throw new Error(`cashier refused: ${page.status}`)
    },
    async pay(session, { notify = true } = {}) {
      const tradeNo = outTradeNo(session)
      if (!notify) lost.add(tradeNo)
      const delivered = notify
        ? new Promise<Delivered>((resolve, reject) => {
            waiting.set(tradeNo, resolve)
            setTimeout(() => reject(new Error(`no callback for ${tradeNo}`)), 30_000).unref()
          })
        : undefined
      await sandbox.pay(tradeNo)
      return delivered ? await delivered : {}
    },
    async expire(session) {
      sandbox.expire(outTradeNo(session))
    },
    async tradeAtProvider(session) {
      const order = sandbox.order(outTradeNo(session))
      if (!order) return { state: "unknown", refunded: 0 }
      const refunded = sandbox
        .refundsOf(order.out_trade_no)
        .filter((refund) => refund.status === "SUCCESS")
        .reduce((sum, refund) => sum + refund.amount.refund, 0)
      if (order.trade_state === "SUCCESS" || order.trade_state === "REFUND")
        return { state: "paid", refunded }
      // Past time_expire WeChat takes no payment, though the order reads NOTPAY until closed.
      const lapsed = !!order.time_expire && Date.parse(order.time_expire) <= Date.now()
      return { state: order.trade_state === "CLOSED" || lapsed ? "closed" : "open", refunded }
    },
    async refundsAtProvider(session) {
      return sandbox
        .refundsOf(outTradeNo(session))
        .filter((refund) => refund.status === "SUCCESS")
        .map((refund) => ({ id: refund.refund_id, amount: refund.amount.refund }))
    },
    forge(notification) {
      return signed(notification.body, stranger)
    },
    unknownPaymentNotification() {
      return paidCallback({
        out_trade_no: "PS01JNOSUCHSESSION00000000000",
        attach: "payses_01JNOSUCHSESSION00000000000",
        total: 8800,
      })
    },
    paidNotification(session, amount) {
      return paidCallback({ out_trade_no: outTradeNo(session), attach: session.id, total: amount })
    },
    // WeChat Pay v3: the HTTP status decides, 200 or 204 (no body) means received.
    acknowledged: (answer) => answer.status === 200 || answer.status === 204,
  }
}
