import { createHash, createPrivateKey, createPublicKey, randomBytes, randomUUID } from "crypto"
import { gzipSync } from "zlib"
import http, { type IncomingMessage, type ServerResponse } from "http"
import type { AddressInfo } from "net"
import { encryptResource } from "../lib/aead"
import { nonce, parseAuthorization, signLines, verifyLines } from "../lib/signature"
import { rfc3339Shanghai } from "../lib/trade-no"
import { fundflowBillCsv, tradeBillCsv, type BillTrade } from "./bill-files"
import { loadOrCreateSandboxKeys, providerEnv, type SandboxKeys } from "./keys"

type Channel = "jsapi" | "native" | "h5"
type TradeState = "NOTPAY" | "SUCCESS" | "CLOSED" | "REFUND"

export type Order = {
  channel: Channel
  request: Record<string, unknown>
  out_trade_no: string
  transaction_id?: string
  trade_state: TradeState
  success_time?: string
  total: number
  refunded: number
  notify_url: string
  time_expire?: string
  openid: string
  /** JSAPI: what the buyer's WeChat client is handed in `package` (prepay_id=…). */
  prepay_id?: string
}

type TransferBill = {
  out_bill_no: string
  transfer_bill_no: string
  /** The AppID the merchant created the bill under; the user's WeChat must confirm with it. */
  appid: string
  /** What the user's WeChat confirms receipt with (requestMerchantTransfer's `package`). */
  package_info: string
  state: "WAIT_USER_CONFIRM" | "SUCCESS" | "FAIL" | "CANCELLED"
  transfer_amount: number
  openid: string
  transfer_remark: string
  notify_url: string
  fail_reason?: string
  create_time: string
  update_time: string
}

export type SandboxRefundStatus = "SUCCESS" | "PROCESSING" | "ABNORMAL" | "CLOSED"

export type SandboxRefund = Record<string, unknown> & {
  refund_id: string
  out_refund_no: string
  out_trade_no: string
  status: SandboxRefundStatus
  amount: {
    total: number
    refund: number
    payer_total: number
    payer_refund: number
    currency: string
  }
}

/** WeChat's callback retry schedule, in seconds (compressed by timeScale in development). */
export const RETRY_SCHEDULE = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
]

export type SandboxOptions = {
  port?: number
  host?: string
  dataDir: string
  timeScale?: number
  notifyUrl?: string
  /** "PROCESSING": refunds are accepted as PROCESSING and settle when told (settleRefund). */
  refundMode?: "SUCCESS" | "PROCESSING"
}

export type Sandbox = {
  url: string
  keys: SandboxKeys
  providerEnv: Record<string, string>
  /** Pays an order as a buyer would, which triggers the callback. */
  pay(outTradeNo: string): Promise<void>
  /** Sends every callback to this URL instead of the order's notify_url (tests, tunnels). */
  setNotifyUrl(url: string): void
  /** The user confirms (or fails) a merchant transfer, which triggers its callback. */
  confirmTransfer(outBillNo: string, outcome?: "SUCCESS" | "FAIL"): Promise<void>
  /** Refunds answer SUCCESS at once (default) or PROCESSING until settled. */
  setRefundMode(mode: "SUCCESS" | "PROCESSING"): void
  /** WeChat's later word on a PROCESSING refund, with its REFUND.* callback. */
  settleRefund(outRefundNo: string, status: "SUCCESS" | "ABNORMAL" | "CLOSED"): Promise<void>
  /** The refunds of one WeChat order, oldest first. */
  refundsOf(outTradeNo: string): SandboxRefund[]
  /**
   * Records a paid WeChat order as if a buyer had paid it at `paidAt` (no callback): for
   * bills and reconciliation tests, e.g. money WeChat took that the shop never heard of.
   */
  recordPaidOrder(input: {
    out_trade_no: string
    total: number
    paidAt?: Date
    attach?: string
  }): void
  /** An order as WeChat keeps it (a copy), or undefined if WeChat never had it. */
  order(outTradeNo: string): Readonly<Order> | undefined
  /**
   * Lets an unpaid order reach its time_expire now: WeChat refuses to take payment for it
   * from then on, while its trade_state stays NOTPAY until the merchant closes it.
   */
  expire(outTradeNo: string): void
  /** Every callback delivery attempt, for tests and the console. */
  deliveries: { out_trade_no: string; status: number | "error"; at: Date }[]
  close(): Promise<void>
}

const error = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  sign: (res: ServerResponse, status: number, body: string) => void
) => sign(res, status, JSON.stringify({ code, message }))

/**
 * A stand-in for api.mch.weixin.qq.com that speaks the real protocol: it rejects
 * requests whose merchant signature does not verify, signs every answer with the
 * "WeChat Pay" key, and posts signed, AES-GCM-encrypted callbacks when a buyer pays.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const keys = loadOrCreateSandboxKeys(options.dataDir)
  const merchantPublicKey = createPublicKey(keys.merchantPublicKey)
  const wechatPrivateKey = createPrivateKey(keys.wechatpayPrivateKey)
  const timeScale = options.timeScale ?? 1
  const orders = new Map<string, Order>()
  const refunds = new Map<string, SandboxRefund>()
  const bills = new Map<string, TransferBill>()
  const deliveries: Sandbox["deliveries"] = []
  const timers = new Set<NodeJS.Timeout>()
  let baseUrl = ""
  let notifyOverride = options.notifyUrl
  let refundMode = options.refundMode ?? "SUCCESS"
  /** Where each refund's REFUND.* callback goes (the notify_url of its request). */
  const refundNotifyUrls = new Map<string, string>()
  /** Bill files handed out by token, as WeChat's download_url does (valid 30 seconds there). */
  const billFiles = new Map<string, Buffer>()

  const billTradeOf = (order: Order): BillTrade => ({
    appid: String(order.request.appid ?? keys.appid),
    mchid: keys.mchid,
    out_trade_no: order.out_trade_no,
    transaction_id: order.transaction_id ?? "",
    trade_type:
      order.channel === "jsapi" ? "JSAPI" : order.channel === "native" ? "NATIVE" : "MWEB",
    openid: order.openid,
    total: order.total,
    attach: String(order.request.attach ?? ""),
    description: String(order.request.description ?? ""),
    success_time: order.success_time ?? "",
  })

  /** The day's bill (Beijing date): orders paid that day, refunds made that day. */
  const dailyBillOf = (kind: "trade" | "fundflow", date: string) => {
    const trades = [...orders.values()]
      .filter((o) => o.success_time?.startsWith(date))
      .map(billTradeOf)
    const dayRefunds = [...refunds.values()]
      .map((r) => ({ refund: r, time: String(r.success_time ?? r.create_time ?? "") }))
      .filter(({ time }) => time.startsWith(date))
      .map(({ refund, time }) => ({
        out_trade_no: refund.out_trade_no,
        out_refund_no: refund.out_refund_no,
        refund_id: refund.refund_id,
        refund: refund.amount.refund,
        status: refund.status,
        time,
        trade: billTradeOf(orders.get(refund.out_trade_no)!),
      }))
    if (trades.length === 0 && dayRefunds.length === 0) return null
    return kind === "trade" ? tradeBillCsv(trades, dayRefunds) : fundflowBillCsv(trades, dayRefunds)
  }

  /** Every answer carries Wechatpay-* headers signed over `TIMESTAMP\nNONCE\nBODY\n`. */
  const signed = (res: ServerResponse, status: number, body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonceStr = nonce()
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "Wechatpay-Nonce": nonceStr,
      "Wechatpay-Timestamp": timestamp,
      "Wechatpay-Serial": keys.wechatpayPublicKeyId,
      "Wechatpay-Signature": signLines([timestamp, nonceStr, body], wechatPrivateKey),
      "Request-ID": randomUUID(),
    })
    res.end(body)
  }

  const transactionOf = (order: Order) => ({
    appid: keys.appid,
    mchid: keys.mchid,
    out_trade_no: order.out_trade_no,
    transaction_id: order.transaction_id,
    trade_type:
      order.channel === "jsapi" ? "JSAPI" : order.channel === "native" ? "NATIVE" : "MWEB",
    trade_state: order.trade_state,
    trade_state_desc: {
      NOTPAY: "未支付",
      SUCCESS: "支付成功",
      CLOSED: "已关闭",
      REFUND: "转入退款",
    }[order.trade_state],
    bank_type:
      order.trade_state === "NOTPAY" || order.trade_state === "CLOSED" ? undefined : "OTHERS",
    attach: order.request.attach ?? "",
    success_time: order.success_time,
    payer: { openid: order.openid },
    amount: {
      total: order.total,
      payer_total: order.trade_state === "NOTPAY" ? undefined : order.total,
      currency: "CNY",
      payer_currency: "CNY",
    },
  })

  /**
   * A signed, encrypted callback, retried on WeChat's schedule until the merchant
   * answers 2xx. `key` names the order or bill in `deliveries`.
   */
  const notify = (
    target: string,
    key: string,
    event: { event_type: string; summary: string; original_type: string; payload: unknown },
    attempt = 0
  ) => {
    const resource = encryptResource(
      JSON.stringify(event.payload),
      keys.apiV3Key,
      event.original_type,
      event.original_type
    )
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: rfc3339Shanghai(new Date()),
      resource_type: "encrypt-resource",
      event_type: event.event_type,
      summary: event.summary,
      resource,
    })
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonceStr = nonce()
    fetch(target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "Wechatpay-Nonce": nonceStr,
        "Wechatpay-Timestamp": timestamp,
        "Wechatpay-Serial": keys.wechatpayPublicKeyId,
        "Wechatpay-Signature": signLines([timestamp, nonceStr, body], wechatPrivateKey),
        "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
      },
      body,
      signal: AbortSignal.timeout(5000),
    })
      .then((response) => response.status)
      .catch(() => "error" as const)
      .then((status) => {
        deliveries.push({ out_trade_no: key, status, at: new Date() })
        const delivered = typeof status === "number" && status >= 200 && status < 300
        if (!delivered && attempt < RETRY_SCHEDULE.length) {
          const timer = setTimeout(
            () => {
              timers.delete(timer)
              notify(target, key, event, attempt + 1)
            },
            RETRY_SCHEDULE[attempt] * 1000 * timeScale
          )
          timers.add(timer)
        }
      })
  }

  const sendCallback = (order: Order) =>
    notify(notifyOverride ?? order.notify_url, order.out_trade_no, {
      event_type: "TRANSACTION.SUCCESS",
      summary: "支付成功",
      original_type: "transaction",
      payload: transactionOf(order),
    })

  /** A refund's outcome as WeChat reports it: the order's refundable amount, and the callback. */
  const refundNotice = (refund: SandboxRefund) => {
    const target = notifyOverride ?? refundNotifyUrls.get(refund.out_refund_no)
    if (!target || refund.status === "PROCESSING") return
    const { status, ...rest } = refund
    notify(target, refund.out_refund_no, {
      event_type: `REFUND.${status}`,
      summary: { SUCCESS: "退款成功", ABNORMAL: "退款异常", CLOSED: "退款关闭" }[status],
      original_type: "refund",
      payload: { mchid: keys.mchid, ...rest, refund_status: status },
    })
  }

  const settleRefund = (outRefundNo: string, status: "SUCCESS" | "ABNORMAL" | "CLOSED") => {
    const refund = refunds.get(outRefundNo)
    if (!refund) return { ok: false, message: "退款单不存在" }
    if (refund.status !== "PROCESSING")
      return { ok: refund.status === status, message: "退款单已处理" }
    refund.status = status
    if (status === "SUCCESS") refund.success_time = rfc3339Shanghai(new Date())
    // A closed refund never left: the order can be refunded by that much again.
    const order = orders.get(refund.out_trade_no)
    if (status === "CLOSED" && order) {
      order.refunded -= refund.amount.refund
      if (order.refunded === 0) order.trade_state = "SUCCESS"
    }
    refundNotice(refund)
    return {
      ok: true,
      message: { SUCCESS: "退款成功", ABNORMAL: "退款异常", CLOSED: "退款关闭" }[status],
    }
  }

  const billOf = (bill: TransferBill) => ({
    mch_id: keys.mchid,
    appid: bill.appid,
    out_bill_no: bill.out_bill_no,
    transfer_bill_no: bill.transfer_bill_no,
    state: bill.state,
    transfer_amount: bill.transfer_amount,
    transfer_remark: bill.transfer_remark,
    openid: bill.openid,
    ...(bill.fail_reason ? { fail_reason: bill.fail_reason } : {}),
    create_time: bill.create_time,
    update_time: bill.update_time,
  })

  /** The user's answer to a transfer waiting for confirmation, and WeChat's callback. */
  const settleTransfer = (outBillNo: string, outcome: "SUCCESS" | "FAIL") => {
    const bill = bills.get(outBillNo)
    if (!bill) return { ok: false, message: "转账单不存在" }
    if (bill.state !== "WAIT_USER_CONFIRM")
      return { ok: bill.state === outcome, message: "转账单已处理" }
    bill.state = outcome
    if (outcome === "FAIL") bill.fail_reason = "TRANSFER_QUOTA_EXCEED"
    bill.update_time = rfc3339Shanghai(new Date())
    notify(notifyOverride ?? bill.notify_url, bill.out_bill_no, {
      event_type: "MCHTRANSFER.BILL.FINISHED",
      summary: outcome === "SUCCESS" ? "商家转账单据终态通知" : "商家转账失败",
      original_type: "mch_payment",
      payload: billOf(bill),
    })
    return { ok: true, message: outcome === "SUCCESS" ? "已确认收款" : "转账失败" }
  }

  const pay = (outTradeNo: string): { ok: boolean; message: string } => {
    const order = orders.get(outTradeNo)
    if (!order) return { ok: false, message: "订单不存在" }
    if (order.trade_state === "SUCCESS") return { ok: true, message: "订单已支付" }
    if (order.trade_state !== "NOTPAY") return { ok: false, message: "订单已关闭" }
    if (order.time_expire && Date.parse(order.time_expire) < Date.now())
      return { ok: false, message: "订单已过期" }
    order.trade_state = "SUCCESS"
    order.transaction_id = `4200${Date.now()}${randomBytes(4).readUInt32BE(0)}`.slice(0, 28)
    order.success_time = rfc3339Shanghai(new Date())
    sendCallback(order)
    return { ok: true, message: "支付成功" }
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = ""
      req.on("data", (chunk) => (text += chunk))
      req.on("end", () => resolve(text))
    })

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox")
    const body = await readBody(req)
    const route = `${req.method} ${url.pathname}`

    // The buyer's side: a page for the Native QR code, and a hook for tests.
    const payPage = /^\/pay\/([\w-]+)$/.exec(url.pathname)
    if (payPage) {
      const outTradeNo = payPage[1]
      const result = req.method === "POST" ? pay(outTradeNo) : null
      const order = orders.get(outTradeNo)
      res.writeHead(order ? 200 : 404, { "content-type": "text/html; charset=utf-8" })
      // H5 payment returns the buyer to the merchant's redirect_url, as WeChat does.
      const back = url.searchParams.get("redirect_url")
      const returnTo = result?.ok && back && /^https?:\/\//.test(back) ? back : undefined
      res.end(payPageHtml(outTradeNo, order, result?.message, returnTo))
      return
    }
    const testPay = /^\/sandbox\/pay\/([\w-]+)$/.exec(url.pathname)
    if (testPay && req.method === "POST") {
      const result = pay(testPay[1])
      res.writeHead(result.ok ? 200 : 400, { "content-type": "application/json" })
      res.end(JSON.stringify(result))
      return
    }
    // The user's side of a transfer: a page like WeChat's 确认收款, and a hook for tests.
    const transferPage = /^\/transfer\/([A-Za-z0-9]+)$/.exec(url.pathname)
    if (transferPage) {
      const result = req.method === "POST" ? settleTransfer(transferPage[1], "SUCCESS") : null
      const bill = bills.get(transferPage[1])
      res.writeHead(bill ? 200 : 404, { "content-type": "text/html; charset=utf-8" })
      res.end(transferPageHtml(bill, result?.message))
      return
    }
    const testTransfer = /^\/sandbox\/transfer\/([A-Za-z0-9]+)\/(confirm|fail)$/.exec(url.pathname)
    if (testTransfer && req.method === "POST") {
      const result = settleTransfer(
        testTransfer[1],
        testTransfer[2] === "confirm" ? "SUCCESS" : "FAIL"
      )
      res.writeHead(result.ok ? 200 : 400, { "content-type": "application/json" })
      res.end(JSON.stringify(result))
      return
    }
    // The user's WeChat client: wx.requestMerchantTransfer / WeixinJSBridge
    // "requestMerchantTransfer" with { mchId, appId, package }. Like WeChat, it opens only a
    // bill waiting for this merchant's user, under the AppID the bill was created with.
    if (route === "POST /sandbox/transfer/confirm-package") {
      const answer = (status: number, ok: boolean, message: string) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(
          JSON.stringify({ err_msg: `requestMerchantTransfer:${ok ? "ok" : "fail"}`, message })
        )
      }
      let params: Record<string, string>
      try {
        params = JSON.parse(body)
      } catch {
        return answer(400, false, "收款参数不是合法的 JSON")
      }
      if (params.mchId !== keys.mchid) return answer(400, false, "商户号不正确")
      const bill = [...bills.values()].find(
        (b) => !!params.package && b.package_info === params.package
      )
      if (!bill) return answer(400, false, "package 无效或已过期")
      if (bill.appid !== params.appId) return answer(400, false, "appId 与发起转账时不一致")
      if (bill.state !== "WAIT_USER_CONFIRM") return answer(400, false, "该转账已处理，无需再确认")
      const result = settleTransfer(bill.out_bill_no, "SUCCESS")
      return answer(result.ok ? 200 : 400, result.ok, result.message)
    }
    // The buyer's WeChat client: wx.requestPayment / getBrandWCPayRequest with the merchant's
    // parameters. Like WeChat, it checks paySign with the merchant's key and the AppID
    // against the order before paying.
    if (route === "POST /sandbox/jsapi/pay") {
      const answer = (status: number, ok: boolean, message: string) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(
          JSON.stringify({
            err_msg: `get_brand_wcpay_request:${ok ? "ok" : "fail"}`,
            message,
          })
        )
      }
      let params: Record<string, string>
      try {
        params = JSON.parse(body)
      } catch {
        return answer(400, false, "支付参数不是合法的 JSON")
      }
      const prepayId = /^prepay_id=([\w-]+)$/.exec(params.package ?? "")?.[1]
      const order = [...orders.values()].find((o) => prepayId && o.prepay_id === prepayId)
      if (!order) return answer(400, false, "prepay_id 不存在")
      if (order.request.appid !== params.appId) return answer(400, false, "appId 与下单时不一致")
      const signed = [params.appId, params.timeStamp, params.nonceStr, params.package]
      if (params.signType !== "RSA" || !verifyLines(signed, params.paySign, merchantPublicKey)) {
        return answer(400, false, "支付验证签名失败")
      }
      const result = pay(order.out_trade_no)
      return answer(result.ok ? 200 : 400, result.ok, result.message)
    }
    // Refunds for tests and the console: a trade's refunds, the mode, and WeChat's later word.
    if (route === "GET /sandbox/refunds") {
      const tradeNo = url.searchParams.get("out_trade_no") ?? ""
      res.writeHead(200, { "content-type": "application/json" })
      res.end(
        JSON.stringify({ refunds: [...refunds.values()].filter((r) => r.out_trade_no === tradeNo) })
      )
      return
    }
    if (route === "POST /sandbox/refund-mode") {
      const mode = (JSON.parse(body || "{}") as { mode?: string }).mode
      const ok = mode === "SUCCESS" || mode === "PROCESSING"
      if (ok) refundMode = mode
      res.writeHead(ok ? 200 : 400, { "content-type": "application/json" })
      res.end(JSON.stringify({ ok, mode: refundMode }))
      return
    }
    const testRefund = /^\/sandbox\/refunds\/([\w*|@-]+)\/settle$/.exec(url.pathname)
    if (testRefund && req.method === "POST") {
      const status = (JSON.parse(body || "{}") as { status?: string }).status
      const result =
        status === "SUCCESS" || status === "ABNORMAL" || status === "CLOSED"
          ? settleRefund(testRefund[1], status)
          : { ok: false, message: "status 必须为 SUCCESS、ABNORMAL 或 CLOSED" }
      res.writeHead(result.ok ? 200 : 400, { "content-type": "application/json" })
      res.end(JSON.stringify(result))
      return
    }
    // Tests that close a past period move a trade (and its refunds) to when it would have
    // happened, as WeChat's records would show it: the day's bills list it then.
    const backdate = /^\/sandbox\/trades\/([\w*|@-]+)\/backdate$/.exec(url.pathname)
    if (backdate && req.method === "POST") {
      const order = orders.get(backdate[1])
      const times = JSON.parse(body || "{}") as { paid_at?: string; refunded_at?: string }
      const valid = (at?: string) => at === undefined || !Number.isNaN(Date.parse(at))
      const ok = !!order?.success_time && !!times.paid_at && valid(times.refunded_at)
      if (ok) {
        order.success_time = rfc3339Shanghai(new Date(times.paid_at!))
        for (const refund of refunds.values()) {
          if (refund.out_trade_no !== order.out_trade_no || !times.refunded_at) continue
          refund.create_time = rfc3339Shanghai(new Date(times.refunded_at))
          if (refund.success_time) refund.success_time = refund.create_time
        }
      }
      res.writeHead(ok ? 200 : 400, { "content-type": "application/json" })
      res.end(JSON.stringify(ok ? { ok } : { ok, message: "交易不存在、未支付或时间无效" }))
      return
    }
    if (route === "GET /sandbox/health") {
      res.writeHead(200, { "content-type": "application/json" })
      res.end(JSON.stringify({ ok: true, orders: orders.size }))
      return
    }

    // The merchant API: every request must carry a valid merchant signature.
    const auth = parseAuthorization(req.headers.authorization)
    const pathWithQuery = `${url.pathname}${url.search}`
    if (
      !auth ||
      auth.mchid !== keys.mchid ||
      auth.serial_no !== keys.merchantSerialNo ||
      Math.abs(Date.now() / 1000 - Number(auth.timestamp)) > 300 ||
      !verifyLines(
        [req.method ?? "", pathWithQuery, auth.timestamp, auth.nonce_str, body],
        auth.signature,
        merchantPublicKey
      )
    ) {
      return error(res, 401, "SIGN_ERROR", "签名错误，请检查后再试", signed)
    }
    // Merchant JSON is untrusted and checked field by field below.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let json: Record<string, any> = {}
    if (body) {
      try {
        json = JSON.parse(body)
      } catch {
        return error(res, 400, "PARAM_ERROR", "请求体不是合法的 JSON", signed)
      }
    }

    const prepay = /^\/v3\/pay\/transactions\/(jsapi|native|h5)$/.exec(url.pathname)
    if (prepay && req.method === "POST") {
      const channel = prepay[1] as Channel
      const problem =
        json.appid !== keys.appid && json.appid !== keys.officialAccountAppid
          ? "appid 与商户号不匹配"
          : json.mchid !== keys.mchid
            ? "mchid 不正确"
            : !json.description
              ? "缺少参数 description"
              : !/^[A-Za-z0-9_*|-]{6,32}$/.test(json.out_trade_no ?? "")
                ? "out_trade_no 格式不正确"
                : !/^https?:\/\//.test(json.notify_url ?? "")
                  ? "notify_url 格式不正确"
                  : !Number.isInteger(json.amount?.total) || json.amount.total <= 0
                    ? "amount.total 必须为正整数（单位：分）"
                    : channel === "jsapi" && !json.payer?.openid
                      ? "JSAPI 下单缺少 payer.openid"
                      : channel === "h5" && !json.scene_info?.h5_info?.type
                        ? "H5 下单缺少 scene_info.h5_info"
                        : null
      if (problem) return error(res, 400, "PARAM_ERROR", problem, signed)
      const existing = orders.get(json.out_trade_no)
      if (existing) {
        if (existing.trade_state === "SUCCESS")
          return error(res, 400, "ORDERPAID", "该订单已支付", signed)
        if (existing.trade_state === "CLOSED")
          return error(res, 400, "ORDER_CLOSED", "订单已关闭", signed)
        if (existing.total !== json.amount.total || existing.channel !== channel) {
          return error(res, 400, "INVALID_REQUEST", "201 商户订单号重复", signed)
        }
      } else {
        orders.set(json.out_trade_no, {
          channel,
          request: json,
          out_trade_no: json.out_trade_no,
          trade_state: "NOTPAY",
          total: json.amount.total,
          refunded: 0,
          notify_url: json.notify_url,
          time_expire: json.time_expire,
          openid: json.payer?.openid ?? `oSandbox${randomBytes(8).toString("hex")}`,
        })
      }
      const order = orders.get(json.out_trade_no)!
      // WeChat hands out the same prepay_id for the same order while it is valid.
      order.prepay_id ??= `wx${Date.now()}${json.out_trade_no.slice(-8)}`
      const id = order.prepay_id
      const answer =
        channel === "jsapi"
          ? { prepay_id: id }
          : channel === "native"
            ? { code_url: `${baseUrl}/pay/${json.out_trade_no}` }
            : { h5_url: `${baseUrl}/pay/${json.out_trade_no}?prepay_id=${id}` }
      return signed(res, 200, JSON.stringify(answer))
    }

    const query = /^\/v3\/pay\/transactions\/out-trade-no\/([\w*|-]+)$/.exec(url.pathname)
    if (query && req.method === "GET") {
      const order = orders.get(query[1])
      if (!order) return error(res, 404, "ORDER_NOT_EXIST", "订单不存在", signed)
      return signed(res, 200, JSON.stringify(transactionOf(order)))
    }

    const close = /^\/v3\/pay\/transactions\/out-trade-no\/([\w*|-]+)\/close$/.exec(url.pathname)
    if (close && req.method === "POST") {
      const order = orders.get(close[1])
      if (!order) return error(res, 404, "ORDER_NOT_EXIST", "订单不存在", signed)
      if (order.trade_state === "SUCCESS" || order.trade_state === "REFUND") {
        return error(res, 400, "ORDERPAID", "订单已支付，不能关闭", signed)
      }
      order.trade_state = "CLOSED"
      return signed(res, 204, "")
    }

    const billRequest = /^\/v3\/bill\/(tradebill|fundflowbill)$/.exec(url.pathname)
    if (billRequest && req.method === "GET") {
      const date = url.searchParams.get("bill_date") ?? ""
      const today = rfc3339Shanghai(new Date()).slice(0, 10)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        return error(res, 400, "PARAM_ERROR", "bill_date 格式不正确", signed)
      if (
        billRequest[1] === "tradebill" &&
        !["ALL", "SUCCESS", "REFUND", null].includes(url.searchParams.get("bill_type"))
      )
        return error(res, 400, "PARAM_ERROR", "bill_type 不正确", signed)
      // The sandbox also serves the day so far (WeChat only yesterday's and earlier).
      if (date > today) return error(res, 400, "INVALID_REQUEST", "账单日期不能晚于今天", signed)
      const csv = dailyBillOf(billRequest[1] === "tradebill" ? "trade" : "fundflow", date)
      if (csv === null) return error(res, 400, "NO_STATEMENT_EXIST", "当日无账单", signed)
      const file = Buffer.from(csv, "utf8")
      const token = randomBytes(16).toString("hex")
      billFiles.set(token, url.searchParams.get("tar_type") === "GZIP" ? gzipSync(file) : file)
      return signed(
        res,
        200,
        JSON.stringify({
          hash_type: "SHA1",
          hash_value: createHash("sha1").update(file).digest("hex"),
          download_url: `${baseUrl}/v3/billdownload/file?token=${token}`,
        })
      )
    }

    if (route === "GET /v3/billdownload/file") {
      const file = billFiles.get(url.searchParams.get("token") ?? "")
      if (!file) return error(res, 400, "INVALID_REQUEST", "下载链接已失效", signed)
      // The file itself is not signed: the signed hash_value above vouches for it.
      res.writeHead(200, { "content-type": "application/octet-stream" })
      res.end(file)
      return
    }

    if (route === "POST /v3/refund/domestic/refunds") {
      const order = orders.get(json.out_trade_no)
      if (!order) return error(res, 404, "RESOURCE_NOT_EXISTS", "订单不存在", signed)
      const existing = refunds.get(json.out_refund_no)
      if (existing) return signed(res, 200, JSON.stringify(existing))
      if (order.trade_state !== "SUCCESS" && order.trade_state !== "REFUND") {
        return error(res, 400, "INVALID_REQUEST", "订单未支付，不能退款", signed)
      }
      const amount = json.amount ?? {}
      if (
        !Number.isInteger(amount.refund) ||
        amount.refund <= 0 ||
        amount.total !== order.total ||
        amount.currency !== "CNY"
      ) {
        return error(
          res,
          400,
          "PARAM_ERROR",
          "amount.refund / amount.total / amount.currency 不正确",
          signed
        )
      }
      if (order.refunded + amount.refund > order.total) {
        return error(res, 403, "NOT_ENOUGH", "申请退款金额超过订单可退金额", signed)
      }
      if (json.notify_url !== undefined && !/^https?:\/\//.test(json.notify_url)) {
        return error(res, 400, "PARAM_ERROR", "notify_url 格式不正确", signed)
      }
      order.refunded += amount.refund
      order.trade_state = "REFUND"
      const settled = refundMode === "SUCCESS"
      const refund: SandboxRefund = {
        refund_id: `5030${Date.now()}`,
        out_refund_no: json.out_refund_no,
        transaction_id: order.transaction_id,
        out_trade_no: order.out_trade_no,
        channel: "ORIGINAL",
        user_received_account: "支付用户零钱",
        ...(settled ? { success_time: rfc3339Shanghai(new Date()) } : {}),
        create_time: rfc3339Shanghai(new Date()),
        status: settled ? "SUCCESS" : "PROCESSING",
        amount: {
          total: order.total,
          refund: amount.refund,
          payer_total: order.total,
          payer_refund: amount.refund,
          currency: "CNY",
        },
      }
      refunds.set(json.out_refund_no, refund)
      if (json.notify_url) refundNotifyUrls.set(json.out_refund_no, json.notify_url)
      refundNotice(refund)
      return signed(res, 200, JSON.stringify(refund))
    }

    const refundQuery = /^\/v3\/refund\/domestic\/refunds\/([\w*|-]+)$/.exec(url.pathname)
    if (refundQuery && req.method === "GET") {
      const refund = refunds.get(refundQuery[1])
      return refund
        ? signed(res, 200, JSON.stringify(refund))
        : error(res, 404, "RESOURCE_NOT_EXISTS", "退款单不存在", signed)
    }

    if (route === "POST /v3/fund-app/mch-transfer/transfer-bills") {
      const infos = Array.isArray(json.transfer_scene_report_infos)
        ? json.transfer_scene_report_infos
        : []
      const problem =
        json.appid !== keys.appid && json.appid !== keys.officialAccountAppid
          ? "appid 与商户号不匹配"
          : !/^[A-Za-z0-9]{5,32}$/.test(json.out_bill_no ?? "")
            ? "out_bill_no 格式不正确（5-32 位数字或字母）"
            : json.transfer_scene_id !== "1005" && json.transfer_scene_id !== "1000"
              ? "转账场景未开通"
              : !json.openid
                ? "缺少参数 openid"
                : !Number.isInteger(json.transfer_amount) || json.transfer_amount < 10
                  ? "transfer_amount 必须为不少于 10 的整数（单位：分）"
                  : json.transfer_amount >= 200000 && !json.user_name
                    ? "转账金额 ≥ 2000 元时必须填写收款用户姓名 user_name"
                    : !json.transfer_remark || String(json.transfer_remark).length > 32
                      ? "transfer_remark 必填且不超过 32 个字符"
                      : !/^https?:\/\//.test(json.notify_url ?? "")
                        ? "notify_url 格式不正确"
                        : !json.user_recv_perception
                          ? "缺少参数 user_recv_perception"
                          : !infos.length ||
                              infos.some(
                                (info: { info_type?: string; info_content?: string }) =>
                                  !info?.info_type || !info?.info_content
                              )
                            ? "transfer_scene_report_infos 不完整"
                            : null
      if (problem) return error(res, 400, "PARAM_ERROR", problem, signed)
      const existing = bills.get(json.out_bill_no)
      if (
        existing &&
        (existing.transfer_amount !== json.transfer_amount || existing.openid !== json.openid)
      ) {
        return error(res, 400, "INVALID_REQUEST", "商户单号重复，且参数与原单不一致", signed)
      }
      const now = rfc3339Shanghai(new Date())
      const transferBillNo = `1330${Date.now()}${randomBytes(3).readUIntBE(0, 3)}`.slice(0, 32)
      const bill: TransferBill = existing ?? {
        out_bill_no: json.out_bill_no,
        transfer_bill_no: transferBillNo,
        appid: json.appid,
        package_info: `sandbox_pkg_${transferBillNo}`,
        state: "WAIT_USER_CONFIRM",
        transfer_amount: json.transfer_amount,
        openid: json.openid,
        transfer_remark: json.transfer_remark,
        notify_url: json.notify_url,
        create_time: now,
        update_time: now,
      }
      bills.set(bill.out_bill_no, bill)
      return signed(
        res,
        200,
        JSON.stringify({
          out_bill_no: bill.out_bill_no,
          transfer_bill_no: bill.transfer_bill_no,
          create_time: bill.create_time,
          state: bill.state,
          ...(bill.state === "WAIT_USER_CONFIRM" ? { package_info: bill.package_info } : {}),
        })
      )
    }

    const billQuery =
      /^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([A-Za-z0-9]+)$/.exec(
        url.pathname
      )
    if (billQuery && req.method === "GET") {
      const bill = bills.get(billQuery[1])
      return bill
        ? signed(res, 200, JSON.stringify(billOf(bill)))
        : error(res, 404, "NOT_FOUND", "转账单不存在", signed)
    }

    return error(res, 404, "NOT_FOUND", `sandbox does not implement ${route}`, signed)
  })

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 9400, options.host ?? "127.0.0.1", resolve)
  )
  const { port } = server.address() as AddressInfo
  baseUrl = `http://localhost:${port}`

  return {
    url: baseUrl,
    keys,
    providerEnv: providerEnv(keys, options.dataDir, baseUrl, options.notifyUrl ?? ""),
    async pay(outTradeNo: string) {
      const result = pay(outTradeNo)
      if (!result.ok) throw new Error(result.message)
    },
    async confirmTransfer(outBillNo: string, outcome: "SUCCESS" | "FAIL" = "SUCCESS") {
      const result = settleTransfer(outBillNo, outcome)
      if (!result.ok) throw new Error(result.message)
    },
    setNotifyUrl(url: string) {
      notifyOverride = url
    },
    setRefundMode(mode: "SUCCESS" | "PROCESSING") {
      refundMode = mode
    },
    async settleRefund(outRefundNo: string, status: "SUCCESS" | "ABNORMAL" | "CLOSED") {
      const result = settleRefund(outRefundNo, status)
      if (!result.ok) throw new Error(result.message)
    },
    refundsOf: (outTradeNo: string) =>
      [...refunds.values()].filter((refund) => refund.out_trade_no === outTradeNo),
    recordPaidOrder({ out_trade_no, total, paidAt = new Date(), attach = "" }) {
      orders.set(out_trade_no, {
        channel: "native",
        request: { appid: keys.appid, attach, description: "健康服务平台订单" },
        out_trade_no,
        transaction_id: `4200${paidAt.getTime()}${randomBytes(4).readUInt32BE(0)}`.slice(0, 28),
        trade_state: "SUCCESS",
        success_time: rfc3339Shanghai(paidAt),
        total,
        refunded: 0,
        notify_url: "",
        openid: `oSandbox${randomBytes(8).toString("hex")}`,
      })
    },
    order: (outTradeNo: string) => {
      const order = orders.get(outTradeNo)
      return order && { ...order }
    },
    expire(outTradeNo: string) {
      const order = orders.get(outTradeNo)
      if (!order) throw new Error("订单不存在")
      if (order.trade_state !== "NOTPAY")
        throw new Error(`订单状态为 ${order.trade_state}，不能过期`)
      order.time_expire = rfc3339Shanghai(new Date(Date.now() - 1000))
    },
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout)
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function payPageHtml(
  outTradeNo: string,
  order: Order | undefined,
  message?: string,
  returnTo?: string
): string {
  const amount = order ? `¥${(order.total / 100).toFixed(2)}` : ""
  const state =
    order?.trade_state === "SUCCESS"
      ? "已支付"
      : order?.trade_state === "CLOSED"
        ? "已关闭"
        : "待支付"
  return sandboxPage(
    "微信支付（沙箱）",
    "微信支付 · 沙箱环境",
    `${
      order
        ? `<div class="amount">${amount}</div><p>商户订单号 ${outTradeNo}</p><p class="muted">状态：${state}</p>
<form method="post"><button type="submit" id="confirm-pay" ${order.trade_state !== "NOTPAY" ? "disabled" : ""}>确认支付</button></form>`
        : "<p>订单不存在</p>"
    }
${message ? `<p class="msg" id="pay-result">${message}</p>` : ""}${
      returnTo
        ? `<meta http-equiv="refresh" content="1;url=${escapeHtml(returnTo)}"><p><a href="${escapeHtml(returnTo)}">返回商户页面</a></p>`
        : ""
    }`
  )
}

function transferPageHtml(bill: TransferBill | undefined, message?: string): string {
  const state =
    bill?.state === "SUCCESS"
      ? "已到账"
      : bill?.state === "WAIT_USER_CONFIRM"
        ? "待确认收款"
        : "未到账"
  return sandboxPage(
    "确认收款（沙箱）",
    "微信支付 · 商家转账 · 沙箱环境",
    `${
      bill
        ? `<div class="amount">¥${(bill.transfer_amount / 100).toFixed(2)}</div><p>${escapeHtml(bill.transfer_remark)}</p><p class="muted">状态：${state}</p>
<form method="post"><button type="submit" id="confirm-receipt" ${bill.state !== "WAIT_USER_CONFIRM" ? "disabled" : ""}>确认收款</button></form>`
        : "<p>转账单不存在</p>"
    }${message ? `<p class="msg">${escapeHtml(message)}</p>` : ""}`
  )
}

/** The buyer's side of the sandbox looks like WeChat's own pages: one card, one green button. */
function sandboxPage(title: string, label: string, card: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#ededed;margin:0;display:flex;justify-content:center}
.card{background:#fff;margin:40px 16px;padding:32px 24px;border-radius:12px;max-width:360px;width:100%;text-align:center}
.amount{font-size:40px;font-weight:600;margin:16px 0}.muted{color:#888}button{background:#07c160;color:#fff;border:0;border-radius:8px;font-size:18px;padding:14px;width:100%;margin-top:20px}
button:disabled{background:#9ed9b5}.msg{margin-top:16px;color:#07c160}</style></head>
<body><div class="card"><p class="muted">${label}</p>${card}</div></body></html>`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
