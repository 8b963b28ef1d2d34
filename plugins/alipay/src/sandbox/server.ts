import { randomBytes, randomInt } from "crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "http"
import type { AddressInfo } from "net"
import { BILL_DOWNLOAD_METHOD } from "../lib/bills"
import { fenToYuanString, toFen } from "../lib/money"
import { parseShanghaiTime, shanghaiTime } from "../lib/trade-no"
import {
  alipayBillFileName,
  alipayBillZip,
  billUrlValid,
  signBillUrl,
  type AlipayBillEntry,
} from "./bill-files"
import {
  alipayCertificateSn,
  createAlipaySandboxKeys,
  providerEnv,
  type AlipaySandboxKeys,
} from "./keys"
import { rsa2Sign, rsa2Verify, signContent } from "./signing"

/** A trade as the sandbox's Alipay keeps it. Amounts in fen. */
export type SandboxTrade = {
  out_trade_no: string
  trade_no: string
  method: string
  product_code: string
  subject: string
  total: number
  status: "WAIT_BUYER_PAY" | "TRADE_SUCCESS" | "TRADE_FINISHED" | "TRADE_CLOSED"
  expires_at: Date
  notify_url?: string
  return_url?: string
  buyer_id: string
  gmt_create: Date
  gmt_payment?: Date
  gmt_close?: Date
  refunded: number
  refunds: Map<string, { amount: number; at: Date }>
}

export type SandboxNotification = { body: string; headers: Record<string, string> }

export type SandboxDelivery = {
  url: string
  notification: SandboxNotification
  answer?: { status: number; body: string }
  error?: string
}

export type AlipaySandboxOptions = {
  port?: number
  host?: string
  /** Keys made by createAlipaySandboxKeys (the app's configuration must be made from the same). */
  keys?: AlipaySandboxKeys
  /** Where notifications go instead of the notify_url the app sent (a test's app, a recorder). */
  notifyUrl?: string
  /** Alipay retries a notification not answered `success` after 4m, 10m, 10m, 1h, 2h, 6h, 15h; scaled. */
  timeScale?: number
  log?: (line: string) => void
}

export type AlipaySandbox = {
  /** http://host:port */
  url: string
  /** The gateway the app is configured with (ALIPAY_GATEWAY). */
  gateway: string
  keys: AlipaySandboxKeys
  /** ALIPAY_* for an app that talks to this sandbox. */
  env(notifyUrl: string): Record<string, string>
  setNotifyUrl(url: string | undefined): void
  /** The shopper's browser follows a payment action (posts the form, follows the URL) to the cashier. */
  open(action: {
    kind: string
    action?: string
    fields?: Record<string, string>
    url?: string
  }): Promise<SandboxTrade>
  /** The shopper clicks 确认付款: the trade is paid and (unless notify is false) Alipay notifies the app. */
  pay(outTradeNo: string, options?: { notify?: boolean }): Promise<SandboxDelivery | undefined>
  /** The trade's time runs out: it closes as unpaid and Alipay notifies TRADE_CLOSED. */
  expire(outTradeNo: string): Promise<void>
  trade(outTradeNo: string): SandboxTrade | undefined
  /** A notification for the trade as Alipay would send it now, with fields overridden, signed. */
  notificationFor(
    trade: SandboxTrade,
    overrides?: Record<string, string>,
    signingKey?: string
  ): SandboxNotification
  /** Any parameters, signed as Alipay signs notifications (with `signingKey` to forge). */
  signNotification(parameters: Record<string, string>, signingKey?: string): SandboxNotification
  deliveries: SandboxDelivery[]
  /** The 业务明细账单 zip of a Beijing day (YYYY-MM-DD), as the download URL serves it. */
  billZip(date: string): Promise<Buffer>
  /** Test hook: a line on the bill that the shop never had (a payment unless `kind` says refund). */
  addBillLine(line: {
    out_trade_no: string
    amount: number
    kind?: AlipayBillEntry["kind"]
    out_request_no?: string
    at?: Date
  }): void
  /** Test hook: the bill writes this payment with another amount (fen) than was paid. */
  setBillAmount(outTradeNo: string, fen: number): void
  close(): Promise<void>
}

const RETRY_MINUTES = [4, 10, 10, 60, 120, 360, 900]
const PAGE_METHODS = new Set(["alipay.trade.page.pay", "alipay.trade.wap.pay"])
/** How Alipay's cashier names the product the trade was opened with. */
const PRODUCT_NAMES: Record<string, string> = {
  "alipay.trade.page.pay": "电脑网站支付",
  "alipay.trade.wap.pay": "手机网站支付",
}

/** timeout_express ("30m", "2h", "1d", "1c") or time_expire, else Alipay's default of 15 days. */
function expiryOf(biz: Record<string, unknown>, now: Date): Date {
  if (typeof biz.time_expire === "string") return parseShanghaiTime(biz.time_expire)
  const match = /^(\d+)([mhdc])$/.exec(String(biz.timeout_express ?? ""))
  if (!match) return new Date(now.getTime() + 15 * 24 * 3600_000)
  const unit = { m: 60_000, h: 3600_000, d: 24 * 3600_000, c: 24 * 3600_000 }[match[2] as "m"]
  return new Date(now.getTime() + Number(match[1]) * unit)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!
  )

function page(res: ServerResponse, status: number, title: string, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" })
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f7fa;margin:0}
main{max-width:420px;margin:48px auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 2px 12px #0001}
h1{color:#1677ff;font-size:20px}.amount{font-size:36px;font-weight:600;margin:16px 0}
button{background:#1677ff;color:#fff;border:0;border-radius:8px;font-size:18px;padding:12px;width:100%;cursor:pointer}
.note{color:#888;font-size:13px}</style></head><body><main>${body}</main></body></html>`)
}

/**
 * A local stand-in for Alipay's open platform (OpenAPI 2.0 gateway): it verifies the app's
 * RSA2 request signatures (public-key or certificate mode), keeps trades, serves a cashier
 * where someone clicks 确认付款, signs its responses and asynchronous notifications with its own
 * key exactly as Alipay does, and retries notifications until the app answers `success`.
 */
export async function startAlipaySandbox(
  options: AlipaySandboxOptions = {}
): Promise<AlipaySandbox> {
  const keys = options.keys ?? createAlipaySandboxKeys()
  const log = options.log ?? (() => undefined)
  const timeScale = options.timeScale ?? 1
  const trades = new Map<string, SandboxTrade>()
  const deliveries: SandboxDelivery[] = []
  const timers = new Set<NodeJS.Timeout>()
  let notifyOverride = options.notifyUrl
  let baseUrl = ""
  const appCertSn = keys.appCert ? alipayCertificateSn(keys.appCert) : undefined
  const alipayCertSn = keys.alipayPublicCert
    ? alipayCertificateSn(keys.alipayPublicCert)
    : undefined
  const rootCertSn = keys.alipayRootCert ? alipayCertificateSn(keys.alipayRootCert) : undefined

  const yuan = fenToYuanString
  const billSecret = randomBytes(16).toString("hex")
  const billExtras: AlipayBillEntry[] = []
  const billAmounts = new Map<string, number>()

  /** Every payment and refund that completed on the Beijing day, plus the test hooks' lines. */
  function billEntriesOn(date: string): AlipayBillEntry[] {
    const onDay = (at?: Date) => !!at && shanghaiTime(at).slice(0, 10) === date
    const entries: AlipayBillEntry[] = billExtras.filter((entry) => onDay(entry.finished_at))
    for (const trade of trades.values()) {
      const common = {
        trade_no: trade.trade_no,
        out_trade_no: trade.out_trade_no,
        subject: trade.subject,
      }
      if (onDay(trade.gmt_payment)) {
        entries.push({
          ...common,
          kind: "payment",
          created_at: trade.gmt_create,
          finished_at: trade.gmt_payment!,
          amount: billAmounts.get(trade.out_trade_no) ?? trade.total,
        })
      }
      for (const [requestNo, refund] of trade.refunds) {
        if (!onDay(refund.at)) continue
        entries.push({
          ...common,
          kind: "refund",
          out_request_no: requestNo,
          created_at: trade.gmt_create,
          finished_at: refund.at,
          amount: refund.amount,
        })
      }
    }
    return entries.sort((a, b) => a.finished_at.getTime() - b.finished_at.getTime())
  }

  function signNotification(
    parameters: Record<string, string>,
    signingKey = keys.alipayPrivateKey
  ) {
    const signed: Record<string, string> = {
      ...parameters,
      sign_type: parameters.sign_type ?? "RSA2",
    }
    // Notifications are signed over every parameter but sign and sign_type.
    signed.sign = rsa2Sign(signContent(signed, ["sign", "sign_type"]), signingKey)
    return {
      body: new URLSearchParams(signed).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    }
  }

  function notificationParameters(trade: SandboxTrade, overrides: Record<string, string> = {}) {
    const now = new Date()
    const paid = trade.gmt_payment ? yuan(trade.total) : "0.00"
    return {
      notify_time: shanghaiTime(now),
      notify_type: "trade_status_sync",
      notify_id: randomBytes(16).toString("hex"),
      charset: "utf-8",
      version: "1.0",
      sign_type: "RSA2",
      app_id: keys.appId,
      auth_app_id: keys.appId,
      trade_no: trade.trade_no,
      out_trade_no: trade.out_trade_no,
      buyer_id: trade.buyer_id,
      buyer_logon_id: "sbx***@sandbox.com",
      seller_id: keys.sellerId,
      seller_email: "merchant@sandbox.com",
      trade_status: trade.status,
      total_amount: yuan(trade.total),
      receipt_amount: paid,
      invoice_amount: paid,
      buyer_pay_amount: paid,
      point_amount: "0.00",
      subject: trade.subject,
      gmt_create: shanghaiTime(trade.gmt_create),
      ...(trade.gmt_payment
        ? {
            gmt_payment: shanghaiTime(trade.gmt_payment),
            fund_bill_list: JSON.stringify([{ amount: paid, fundChannel: "ALIPAYACCOUNT" }]),
          }
        : {}),
      ...(trade.gmt_close ? { gmt_close: shanghaiTime(trade.gmt_close) } : {}),
      ...overrides,
    } as Record<string, string>
  }

  async function deliver(trade: SandboxTrade, overrides: Record<string, string> = {}, attempt = 0) {
    const url = notifyOverride ?? trade.notify_url
    if (!url) return undefined
    const notification = signNotification(notificationParameters(trade, overrides))
    const delivery: SandboxDelivery = { url, notification }
    deliveries.push(delivery)
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: notification.headers,
        body: notification.body,
      })
      delivery.answer = { status: response.status, body: await response.text() }
    } catch (error) {
      delivery.error = (error as Error).message
    }
    log(
      `notify ${trade.out_trade_no} ${trade.status} → ${url}: ${delivery.answer?.body ?? delivery.error}`
    )
    // Only the exact text "success" stops Alipay's retries.
    if (delivery.answer?.body.trim() !== "success" && attempt < RETRY_MINUTES.length) {
      const timer = setTimeout(
        () => {
          timers.delete(timer)
          void deliver(trade, overrides, attempt + 1)
        },
        RETRY_MINUTES[attempt] * 60_000 * timeScale
      )
      timer.unref()
      timers.add(timer)
    }
    return delivery
  }

  /** A trade past its time closes, as Alipay's own sweep does, and is notified. */
  async function touch(trade: SandboxTrade) {
    if (trade.status === "WAIT_BUYER_PAY" && Date.now() >= trade.expires_at.getTime()) {
      trade.status = "TRADE_CLOSED"
      trade.gmt_close = new Date()
      await deliver(trade)
    }
  }

  const find = (biz: Record<string, unknown>) =>
    biz.out_trade_no
      ? trades.get(String(biz.out_trade_no))
      : [...trades.values()].find((t) => t.trade_no === String(biz.trade_no ?? ""))

  /** Checks a request as Alipay's gateway does; null when it may proceed, else [sub_code, sub_msg]. */
  function refusal(params: Record<string, string>): [string, string] | null {
    if (params.app_id !== keys.appId) return ["isv.invalid-app-id", "无效的AppID参数"]
    if (params.sign_type !== "RSA2") return ["isv.invalid-signature-type", "无效的签名类型"]
    if ((params.charset ?? "utf-8").toLowerCase() !== "utf-8")
      return ["isv.invalid-charset", "字符集错误"]
    if (keys.mode === "certificate") {
      if (params.app_cert_sn !== appCertSn)
        return ["isv.invalid-app-cert-sn", "应用公钥证书序列号不匹配"]
      if (params.alipay_root_cert_sn !== rootCertSn) {
        return ["isv.alipay-root-cert-sn-not-match", "支付宝根证书序列号不匹配"]
      }
    } else if (params.app_cert_sn) {
      return ["isv.cert-mode-not-enabled", "应用未开启证书模式"]
    }
    if (
      !params.sign ||
      !rsa2Verify(signContent(params, ["sign"]), params.sign, keys.appPublicKey)
    ) {
      return [
        "isv.invalid-signature",
        `验签出错，网关生成的验签字符串为：${signContent(params, ["sign"])}`,
      ]
    }
    return null
  }

  /** An OpenAPI answer: {"<method>_response":{…},["alipay_cert_sn":…,]"sign":…}, signed over the inner JSON. */
  function respond(res: ServerResponse, method: string, content: Record<string, unknown>) {
    const key = `${method.replace(/\./g, "_")}_response`
    const json = JSON.stringify(content)
    const sign = rsa2Sign(json, keys.alipayPrivateKey)
    const cert = alipayCertSn ? `,"alipay_cert_sn":"${alipayCertSn}"` : ""
    res.writeHead(200, { "content-type": "text/html;charset=utf-8" })
    res.end(`{"${key}":${json}${cert},"sign":"${sign}"}`)
  }

  const ok = (content: Record<string, unknown>) => ({ code: "10000", msg: "Success", ...content })
  const failed = (subCode: string, subMsg: string) => ({
    code: "40004",
    msg: "Business Failed",
    sub_code: subCode,
    sub_msg: subMsg,
  })

  function cashier(res: ServerResponse, trade: SandboxTrade) {
    page(
      res,
      200,
      "支付宝收银台（沙箱）",
      `<h1>支付宝收银台 · 沙箱</h1><p>${escapeHtml(trade.subject)}</p>
<p class="amount" data-testid="alipay-amount">¥${yuan(trade.total)}</p>
<p class="note" data-testid="alipay-product">${PRODUCT_NAMES[trade.method] ?? escapeHtml(trade.method)}</p>
<p class="note">订单号 ${escapeHtml(trade.out_trade_no)}，请在 ${shanghaiTime(trade.expires_at)} 前付款</p>
<form method="post" action="/cashier/pay"><input type="hidden" name="out_trade_no" value="${escapeHtml(trade.out_trade_no)}">
<button type="submit">确认付款</button></form>`
    )
  }

  async function pagePay(
    res: ServerResponse,
    method: string,
    biz: Record<string, unknown>,
    params: Record<string, string>
  ) {
    let total: number
    try {
      total = toFen(String(biz.total_amount ?? ""))
    } catch {
      total = 0
    }
    const outTradeNo = String(biz.out_trade_no ?? "")
    if (!outTradeNo || total <= 0 || !biz.subject || !biz.product_code) {
      return page(
        res,
        400,
        "支付宝",
        `<h1>错误代码 invalid-parameter</h1><p>缺少或无效的参数（out_trade_no、total_amount、subject、product_code）</p>`
      )
    }
    let trade = trades.get(outTradeNo)
    if (trade) {
      await touch(trade)
      if (trade.total !== total) {
        return page(
          res,
          400,
          "支付宝",
          `<h1>错误代码 ACQ.CONTEXT_INCONSISTENT</h1><p>交易信息被篡改</p>`
        )
      }
      if (trade.status === "TRADE_CLOSED") {
        return page(res, 400, "支付宝", `<h1>错误代码 ACQ.TRADE_HAS_CLOSE</h1><p>交易已经关闭</p>`)
      }
      if (trade.status !== "WAIT_BUYER_PAY") {
        return page(
          res,
          400,
          "支付宝",
          `<h1>错误代码 ACQ.TRADE_HAS_SUCCESS</h1><p>交易已被支付</p>`
        )
      }
    } else {
      const now = new Date()
      const expires = expiryOf(biz, now)
      if (expires.getTime() <= now.getTime()) {
        return page(
          res,
          400,
          "支付宝",
          `<h1>错误代码 ACQ.TRADE_HAS_CLOSE</h1><p>交易已超时关闭</p>`
        )
      }
      trade = {
        out_trade_no: outTradeNo,
        trade_no: `${shanghaiTime(now).slice(0, 10).replace(/-/g, "")}22001${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e6)).padStart(6, "0")}`,
        method,
        product_code: String(biz.product_code),
        subject: String(biz.subject),
        total,
        status: "WAIT_BUYER_PAY",
        expires_at: expires,
        notify_url: params.notify_url,
        return_url: params.return_url,
        buyer_id: `2088${String(randomInt(0, 1e9)).padStart(12, "0")}`,
        gmt_create: now,
        refunded: 0,
        refunds: new Map(),
      }
      trades.set(outTradeNo, trade)
    }
    cashier(res, trade)
  }

  async function pay(outTradeNo: string, { notify = true }: { notify?: boolean } = {}) {
    const trade = trades.get(outTradeNo)
    if (!trade) throw new Error(`交易不存在：${outTradeNo}（付款人尚未打开收银台）`)
    await touch(trade)
    if (trade.status !== "WAIT_BUYER_PAY") throw new Error(`交易状态为 ${trade.status}，不能付款`)
    trade.status = "TRADE_SUCCESS"
    trade.gmt_payment = new Date()
    return notify ? deliver(trade) : undefined
  }

  /** The synchronous return to return_url, signed as Alipay signs it. */
  function returnUrlFor(trade: SandboxTrade): string | undefined {
    if (!trade.return_url) return undefined
    const parameters: Record<string, string> = {
      charset: "utf-8",
      out_trade_no: trade.out_trade_no,
      method: `${trade.method}.return`,
      total_amount: yuan(trade.total),
      trade_no: trade.trade_no,
      auth_app_id: keys.appId,
      version: "1.0",
      app_id: keys.appId,
      sign_type: "RSA2",
      seller_id: keys.sellerId,
      timestamp: shanghaiTime(new Date()),
    }
    parameters.sign = rsa2Sign(
      signContent(parameters, ["sign", "sign_type"]),
      keys.alipayPrivateKey
    )
    const url = new URL(trade.return_url)
    for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value)
    return url.toString()
  }

  async function api(res: ServerResponse, method: string, biz: Record<string, unknown>) {
    const trade = find(biz)
    if (trade) await touch(trade)
    switch (method) {
      case "alipay.trade.query": {
        if (!trade) return respond(res, method, failed("ACQ.TRADE_NOT_EXIST", "交易不存在"))
        const paid = trade.gmt_payment ? yuan(trade.total) : "0.00"
        return respond(
          res,
          method,
          ok({
            trade_no: trade.trade_no,
            out_trade_no: trade.out_trade_no,
            buyer_logon_id: "sbx***@sandbox.com",
            trade_status: trade.status,
            total_amount: yuan(trade.total),
            buyer_pay_amount: paid,
            point_amount: "0.00",
            invoice_amount: paid,
            receipt_amount: paid,
            ...(trade.gmt_payment ? { send_pay_date: shanghaiTime(trade.gmt_payment) } : {}),
            buyer_user_id: trade.buyer_id,
          })
        )
      }
      case "alipay.trade.close": {
        if (!trade) return respond(res, method, failed("ACQ.TRADE_NOT_EXIST", "交易不存在"))
        if (trade.status !== "WAIT_BUYER_PAY") {
          return respond(res, method, failed("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"))
        }
        trade.status = "TRADE_CLOSED"
        trade.gmt_close = new Date()
        void deliver(trade)
        return respond(
          res,
          method,
          ok({ trade_no: trade.trade_no, out_trade_no: trade.out_trade_no })
        )
      }
      case "alipay.trade.refund": {
        if (!trade) return respond(res, method, failed("ACQ.TRADE_NOT_EXIST", "交易不存在"))
        let amount: number
        try {
          amount = toFen(String(biz.refund_amount ?? ""))
        } catch {
          return respond(res, method, {
            code: "40002",
            msg: "Invalid Arguments",
            sub_code: "isv.invalid-parameter",
            sub_msg: "refund_amount 无效",
          })
        }
        const requestNo = String(biz.out_request_no ?? trade.out_trade_no)
        const earlier = trade.refunds.get(requestNo)
        const answer = (fundChange: "Y" | "N") =>
          ok({
            trade_no: trade.trade_no,
            out_trade_no: trade.out_trade_no,
            buyer_logon_id: "sbx***@sandbox.com",
            fund_change: fundChange,
            refund_fee: yuan(trade.refunded),
            gmt_refund_pay: shanghaiTime(earlier?.at ?? new Date()),
            buyer_user_id: trade.buyer_id,
            send_back_fee: yuan(amount),
          })
        // The same out_request_no is the same refund: answered again, no money moves.
        if (earlier) {
          if (earlier.amount !== amount) {
            return respond(
              res,
              method,
              failed("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额与原请求不一致")
            )
          }
          return respond(res, method, answer("N"))
        }
        if (trade.status !== "TRADE_SUCCESS") {
          return respond(res, method, failed("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"))
        }
        if (amount <= 0 || trade.refunded + amount > trade.total) {
          return respond(res, method, failed("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"))
        }
        const at = new Date()
        trade.refunds.set(requestNo, { amount, at })
        trade.refunded += amount
        if (trade.refunded === trade.total) {
          trade.status = "TRADE_CLOSED"
          trade.gmt_close = at
        }
        void deliver(trade, {
          out_biz_no: requestNo,
          refund_fee: yuan(trade.refunded),
          gmt_refund: shanghaiTime(at),
        })
        return respond(res, method, answer("Y"))
      }
      case "alipay.trade.fastpay.refund.query": {
        if (!trade) return respond(res, method, failed("ACQ.TRADE_NOT_EXIST", "交易不存在"))
        const requestNo = String(biz.out_request_no ?? trade.out_trade_no)
        const refund = trade.refunds.get(requestNo)
        // Alipay answers success without refund fields when there is no such refund.
        return respond(
          res,
          method,
          ok({
            trade_no: trade.trade_no,
            out_trade_no: trade.out_trade_no,
            ...(refund
              ? {
                  out_request_no: requestNo,
                  total_amount: yuan(trade.total),
                  refund_amount: yuan(refund.amount),
                  refund_status: "REFUND_SUCCESS",
                  gmt_refund_pay: shanghaiTime(refund.at),
                }
              : {}),
          })
        )
      }
      case BILL_DOWNLOAD_METHOD: {
        const date = String(biz.bill_date ?? "")
        if (biz.bill_type !== "trade" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          return respond(res, method, {
            code: "40002",
            msg: "Invalid Arguments",
            sub_code: "isv.invalid-parameter",
            sub_msg: "bill_type 须为 trade，bill_date 须为 yyyy-MM-dd",
          })
        }
        // The sandbox also serves today's bill so far (Alipay: from 9:00 the next day).
        if (billEntriesOn(date).length === 0)
          return respond(res, method, failed("isp.bill_not_exist", "账单不存在"))
        return respond(
          res,
          method,
          ok({
            bill_download_url: signBillUrl(billSecret, `${baseUrl}/downloadBillFile.resource`, {
              bizType: "trade",
              userId: keys.sellerId,
              fileType: "csv.zip",
              bizDates: date.replace(/-/g, ""),
              downloadFileName: alipayBillFileName(keys.sellerId, date),
            }),
          })
        )
      }
      default:
        return respond(res, method, {
          code: "40002",
          msg: "Invalid Arguments",
          sub_code: "isv.invalid-method",
          sub_msg: "不存在的方法名",
        })
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox")
    const text = req.method === "POST" ? await readBody(req) : ""
    const form: Record<string, string> = Object.fromEntries(new URLSearchParams(text))
    if (url.pathname === "/gateway.do") {
      const params = { ...Object.fromEntries(url.searchParams), ...form }
      const method = params.method ?? ""
      const problem = refusal(params)
      let biz: Record<string, unknown> = {}
      try {
        biz = params.biz_content ? JSON.parse(params.biz_content) : {}
      } catch {
        return respond(res, method, {
          code: "40002",
          msg: "Invalid Arguments",
          sub_code: "isv.invalid-biz-content",
          sub_msg: "biz_content 不是合法的 JSON",
        })
      }
      if (PAGE_METHODS.has(method)) {
        if (problem)
          return page(
            res,
            400,
            "支付宝",
            `<h1>错误代码 ${problem[0]}</h1><p>${escapeHtml(problem[1])}</p>`
          )
        return pagePay(res, method, biz, params)
      }
      if (problem) {
        return respond(res, method, {
          code: "40002",
          msg: "Invalid Arguments",
          sub_code: problem[0],
          sub_msg: problem[1],
        })
      }
      return api(res, method, biz)
    }
    if (url.pathname === "/cashier/pay" && req.method === "POST") {
      const trade = trades.get(form.out_trade_no ?? "")
      if (!trade) return page(res, 404, "支付宝", "<h1>交易不存在</h1>")
      await touch(trade)
      if (trade.status !== "WAIT_BUYER_PAY") {
        return page(res, 409, "支付宝", `<h1>交易状态为 ${trade.status}，不能付款</h1>`)
      }
      trade.status = "TRADE_SUCCESS"
      trade.gmt_payment = new Date()
      void deliver(trade)
      const back = returnUrlFor(trade)
      if (back) {
        res.writeHead(302, { location: back })
        return res.end()
      }
      return page(
        res,
        200,
        "支付成功",
        `<h1>支付成功</h1><p class="amount">¥${yuan(trade.total)}</p>`
      )
    }
    if (url.pathname === "/downloadBillFile.resource" && req.method === "GET") {
      if (!billUrlValid(billSecret, url.searchParams)) {
        return page(res, 403, "支付宝", "<h1>下载链接已失效或被篡改</h1>")
      }
      const bizDates = url.searchParams.get("bizDates") ?? ""
      const date = `${bizDates.slice(0, 4)}-${bizDates.slice(4, 6)}-${bizDates.slice(6, 8)}`
      const zip = await alipayBillZip(keys.sellerId, date, billEntriesOn(date))
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename=${alipayBillFileName(keys.sellerId, date)}`,
      })
      return res.end(zip)
    }
    if (url.pathname.startsWith("/sandbox/trades/") && req.method === "GET") {
      const trade = trades.get(decodeURIComponent(url.pathname.slice("/sandbox/trades/".length)))
      if (!trade) {
        res.writeHead(404, { "content-type": "application/json" })
        return res.end(JSON.stringify({ message: "交易不存在" }))
      }
      await touch(trade)
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify({ ...trade, refunds: Object.fromEntries(trade.refunds) }))
    }
    page(
      res,
      404,
      "支付宝沙箱",
      `<h1>支付宝沙箱</h1><p>网关：${escapeHtml(baseUrl)}/gateway.do</p>`
    )
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`sandbox error: ${(error as Error).stack}`)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve)
  )
  const address = server.address() as AddressInfo
  baseUrl = `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${address.port}`

  return {
    url: baseUrl,
    gateway: `${baseUrl}/gateway.do`,
    keys,
    env: (notifyUrl) => providerEnv(keys, `${baseUrl}/gateway.do`, notifyUrl),
    setNotifyUrl: (url) => {
      notifyOverride = url
    },
    async open(action) {
      const response =
        action.kind === "form_post"
          ? await fetch(action.action!, {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams(action.fields ?? {}).toString(),
            })
          : await fetch(action.url!)
      const html = await response.text()
      if (response.status !== 200)
        throw new Error(
          `收银台打开失败 (${response.status}): ${html.replace(/<[^>]+>/g, " ").trim()}`
        )
      const outTradeNo = /name="out_trade_no" value="([^"]+)"/.exec(html)?.[1]
      return trades.get(outTradeNo ?? "")!
    },
    pay,
    async expire(outTradeNo) {
      const trade = trades.get(outTradeNo)
      if (!trade) throw new Error(`交易不存在：${outTradeNo}`)
      trade.expires_at = new Date(Date.now() - 1000)
      await touch(trade)
    },
    trade: (outTradeNo) => trades.get(outTradeNo),
    notificationFor: (trade, overrides, signingKey) =>
      signNotification(notificationParameters(trade, overrides), signingKey),
    signNotification,
    deliveries,
    billZip: (date) => alipayBillZip(keys.sellerId, date, billEntriesOn(date)),
    addBillLine: ({ out_trade_no, amount, kind = "payment", out_request_no, at = new Date() }) => {
      billExtras.push({
        kind,
        trade_no: `${shanghaiTime(at).slice(0, 10).replace(/-/g, "")}22001${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e6)).padStart(6, "0")}`,
        out_trade_no,
        out_request_no,
        subject: "沙箱账单测试",
        created_at: at,
        finished_at: at,
        amount,
      })
    },
    setBillAmount: (outTradeNo, fen) => {
      billAmounts.set(outTradeNo, fen)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}
