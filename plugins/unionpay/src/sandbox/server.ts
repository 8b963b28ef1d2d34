import { createPrivateKey, randomInt, X509Certificate, type KeyObject } from "crypto"
import http, { type IncomingMessage, type ServerResponse } from "http"
import type { AddressInfo } from "net"
import { decodeForm, encodeForm, formatAcpResponse } from "../lib/acp-form"
import { signAcp, verifyAcpSignature, withoutBlanks, type AcpFields } from "../lib/acp-signature"
import { acpTime, parseAcpTime } from "../lib/beijing-time"
import { certIdOf } from "../lib/certificates"
import { encodeFileContent, unionpayBillZip, type ZmEntry } from "./bill-files"
import { loadOrCreateSandboxPki, providerEnv, type SandboxPki } from "./pki"

export type SandboxTransaction = {
  txnType: "01" | "04" | "31"
  orderId: string
  txnTime: string
  txnAmt: number
  channelType: string
  backUrl: string
  frontUrl?: string
  reqReserved?: string
  payTimeout?: string
  /** Consumption: "00" once paid; refund / void: "00" settled, "03" processing, "01" failed. */
  origRespCode?: "00" | "03" | "01"
  queryId?: string
  /** Refund / void: the consumption it gives money back from. */
  origQryId?: string
  traceNo?: string
  traceTime?: string
  settleDate?: string
  refunded: number
  voided: boolean
}

export type SandboxOptions = {
  port?: number
  host?: string
  /** Certificates are kept here (generated on first start); in memory when absent. */
  dataDir?: string
  pki?: SandboxPki
  /** "PROCESSING": refunds stay 03 (处理中) until settleRefund. */
  refundMode?: "SUCCESS" | "PROCESSING"
  /** UnionPay retries a notification not answered HTTP 200 "ok"; seconds, scaled. */
  timeScale?: number
}

export type Delivery = {
  orderId: string
  txnType: string
  /** The notification as sent (form-encoded). */
  notification: string
  /** The merchant's answer. */
  status: number | "error"
  body: string
}

export type Sandbox = {
  url: string
  pki: SandboxPki
  /** UNIONPAY_* settings pointing the provider at this sandbox. */
  providerEnv(urls?: { notifyUrl?: string; frontUrl?: string }): Record<string, string>
  /**
   * The shopper pays an order opened at the cashier; its back notification is delivered
   * (and awaited) unless `notify` is false.
   */
  pay(orderId: string, options?: { notify?: boolean }): Promise<Delivery | undefined>
  /** The order's payTimeout passes unpaid: the cashier refuses it from now on. */
  expire(orderId: string): void
  /** The back notification of a paid order, as signed fields (tests replay or tamper with it). */
  notificationFor(orderId: string): AcpFields
  /** A genuinely signed "paid" notification for any order and amount (tests of refusals). */
  paidNotification(order: { orderId: string; txnTime: string; txnAmt: number }): AcpFields
  /** The refunds (04) and voids (31) of a consumption, oldest first. */
  refundsOf(orderId: string): SandboxTransaction[]
  /** Signs fields as UnionPay does (signPubKeyCert + signature). */
  sign(fields: AcpFields): AcpFields
  /** Sends all notifications here instead of each order's backUrl. */
  setNotifyUrl(url: string | undefined): void
  setRefundMode(mode: "SUCCESS" | "PROCESSING"): void
  /** UnionPay's later word on a processing refund. */
  settleRefund(orderId: string, outcome: "00" | "01"): Promise<void>
  transaction(orderId: string): SandboxTransaction | undefined
  deliveries: Delivery[]
  /** The 对账文件 zip of a settlement day (MMDD), as fileContent carries it before encoding. */
  billZip(settleDate: string): Promise<Buffer>
  /** Test hook: a line on the 流水文件 the shop never had (a consumption unless txnType says). */
  addBillLine(line: {
    orderId: string
    txnAmt: number
    txnType?: ZmEntry["txnType"]
    at?: Date
  }): void
  /** Test hook: the 流水文件 writes this transaction with another amount (fen). */
  setBillAmount(orderId: string, fen: number): void
  close(): Promise<void>
}

/**
 * Signs a message as UnionPay does with the signing certificate of `pki`: its PEM as
 * signPubKeyCert, then the signature over every other non-empty field. Any old signature is
 * replaced, so tests can re-sign a genuine message with a forger's certificates.
 */
export function signAsUnionpay(
  fields: AcpFields,
  pki: Pick<SandboxPki, "unionpaySign">,
  key: KeyObject = createPrivateKey(pki.unionpaySign.privateKey)
): AcpFields {
  const unsigned = withoutBlanks({
    ...fields,
    signature: "",
    signPubKeyCert: pki.unionpaySign.certificate,
  })
  return { ...unsigned, signature: signAcp(unsigned, key) }
}

/** UnionPay's retry schedule for unanswered back notifications, in seconds (scaled). */
export const RETRY_SCHEDULE = [60, 120, 240, 480, 960]

const MSG = {
  ok: "成功[0000000]",
  format: "报文格式错误",
  signature: "验证签名失败",
  notFound: "查无此交易",
  duplicate: "重复交易",
  amount: "交易金额超限",
  state: "原交易状态不正确",
  timeout: "交易已超时",
} as const

/**
 * A stand-in for gateway.95516.com (银联全渠道, ACP 5.1.0) that speaks the real protocol:
 * it refuses requests whose merchant signature (certId + SHA-256 RSA) does not verify, signs
 * every answer and notification with a UnionPay signing certificate issued under its own
 * root and middle CA, sends the certificate as signPubKeyCert, posts form-encoded back
 * notifications to backUrl until answered 200 "ok", and serves a cashier page where the
 * shopper (or the browser test) clicks 确认付款.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dataDir = options.dataDir
  const pki = options.pki ?? (dataDir ? loadOrCreateSandboxPki(dataDir) : undefined)
  if (!pki) throw new Error("the UnionPay sandbox needs a dataDir or a pki")
  const merchantCert = new X509Certificate(pki.merchantSign.certificate)
  const merchantCertId = certIdOf(merchantCert)
  const merchantKey: KeyObject = merchantCert.publicKey
  const unionpayKey = createPrivateKey(pki.unionpaySign.privateKey)
  const timeScale = options.timeScale ?? 1
  let refundMode = options.refundMode ?? "SUCCESS"
  let notifyOverride: string | undefined
  const transactions = new Map<string, SandboxTransaction>()
  const deliveries: Delivery[] = []
  const timers = new Set<NodeJS.Timeout>()
  let baseUrl = ""

  const sign = (fields: AcpFields): AcpFields => signAsUnionpay(fields, pki, unionpayKey)
  const billExtras: ZmEntry[] = []
  const billAmounts = new Map<string, number>()

  /** What UnionPay cleared on a settlement day (the sandbox's is the Beijing date), plus the hooks' lines. */
  const billEntriesOn = (settleDate: string): ZmEntry[] => {
    const entries = billExtras.filter((entry) => entry.traceTime.slice(0, 4) === settleDate)
    for (const t of transactions.values()) {
      if (t.origRespCode !== "00" || t.settleDate !== settleDate || !t.queryId) continue
      const original = t.origQryId
        ? [...transactions.values()].find((o) => o.txnType === "01" && o.queryId === t.origQryId)
        : undefined
      entries.push({
        txnType: t.txnType,
        orderId: t.orderId,
        queryId: t.queryId,
        txnAmt: billAmounts.get(t.orderId) ?? t.txnAmt,
        traceNo: t.traceNo ?? "",
        traceTime: t.traceTime ?? "",
        channelType: t.channelType,
        merId: pki.merId,
        reqReserved: t.reqReserved,
        origQryId: t.origQryId,
        origOrderId: original?.orderId,
        origTraceNo: original?.traceNo,
        origTraceTime: original?.traceTime,
      })
    }
    return entries.sort((a, b) => a.traceTime.localeCompare(b.traceTime))
  }
  const billZip = (settleDate: string) =>
    unionpayBillZip(
      pki.merId,
      `${acpTime(new Date()).slice(2, 4)}${settleDate}`,
      billEntriesOn(settleDate)
    )

  /** ACP's synchronous answer: signed `k=v&…`, values as they are. */
  const answer = (res: ServerResponse, fields: AcpFields) => {
    res.writeHead(200, { "content-type": "text/plain;charset=UTF-8" })
    res.end(formatAcpResponse(sign(fields)))
  }

  /** Refusals before the merchant is known carry no signature, as UnionPay's do. */
  const refuse = (res: ServerResponse, request: AcpFields, respCode: string, respMsg: string) => {
    res.writeHead(200, { "content-type": "text/plain;charset=UTF-8" })
    res.end(
      formatAcpResponse(
        withoutBlanks({
          version: request.version,
          encoding: "UTF-8",
          respCode,
          respMsg,
          merId: request.merId,
          orderId: request.orderId,
          txnType: request.txnType,
        })
      )
    )
  }

  /** The merchant's request, verified: version, sign method, certId and signature. */
  const check = (request: AcpFields): string | undefined => {
    if (request.version !== "5.1.0") return `${MSG.format}：version 须为 5.1.0`
    if (request.signMethod !== "01") return `${MSG.format}：signMethod 须为 01`
    if (request.merId !== pki.merId) return `${MSG.format}：商户号 ${request.merId} 未开通`
    if (request.certId !== merchantCertId) return `${MSG.signature}：certId 与商户证书不符`
    if (!verifyAcpSignature(request, merchantKey)) return MSG.signature
    return undefined
  }

  const required = (request: AcpFields, names: string[]) => names.filter((name) => !request[name])

  const notificationFor = (orderId: string): AcpFields => {
    const t = transactions.get(orderId)
    if (!t?.queryId || t.origRespCode !== "00") throw new Error(`${orderId} is not settled`)
    return notificationOf(t as SandboxTransaction & { queryId: string })
  }

  const notificationOf = (t: SandboxTransaction & { queryId: string }): AcpFields =>
    sign({
      version: "5.1.0",
      encoding: "UTF-8",
      signMethod: "01",
      accessType: "0",
      bizType: "000201",
      txnType: t.txnType,
      txnSubType: t.txnType === "01" ? "01" : "00",
      channelType: t.channelType,
      merId: pki.merId,
      orderId: t.orderId,
      txnTime: t.txnTime,
      txnAmt: String(t.txnAmt),
      currencyCode: "156",
      settleAmt: String(t.txnAmt),
      settleCurrencyCode: "156",
      settleDate: t.settleDate ?? "",
      traceNo: t.traceNo ?? "",
      traceTime: t.traceTime ?? "",
      queryId: t.queryId,
      origQryId: t.origQryId ?? "",
      reqReserved: t.reqReserved ?? "",
      respCode: "00",
      respMsg: MSG.ok,
      ...(t.txnType === "01" && {
        accNo: "6216***********0018",
        payCardType: "01",
        payType: "0001",
      }),
    })

  /** Posts a back notification; retried on UnionPay's schedule until answered 200 "ok". */
  const deliver = async (orderId: string, attempt = 0): Promise<Delivery> => {
    const t = transactions.get(orderId)!
    const notification = encodeForm(notificationFor(orderId))
    const target = notifyOverride ?? t.backUrl
    let delivery: Delivery
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: notification,
        signal: AbortSignal.timeout(30_000),
      })
      const body = await response.text()
      delivery = { orderId, txnType: t.txnType, notification, status: response.status, body }
    } catch {
      delivery = { orderId, txnType: t.txnType, notification, status: "error", body: "" }
    }
    deliveries.push(delivery)
    const accepted = delivery.status === 200 && delivery.body.trim() === "ok"
    if (!accepted && attempt < RETRY_SCHEDULE.length) {
      const timer = setTimeout(
        () => {
          timers.delete(timer)
          void deliver(orderId, attempt + 1)
        },
        RETRY_SCHEDULE[attempt] * 1000 * timeScale
      )
      timers.add(timer)
    }
    return delivery
  }

  const settle = (t: SandboxTransaction, now = new Date()) => {
    t.origRespCode = "00"
    t.queryId ??= `${acpTime(now)}${String(randomInt(10_000_000)).padStart(7, "0")}`
    t.traceNo ??= String(randomInt(1_000_000)).padStart(6, "0")
    t.traceTime ??= acpTime(now).slice(4)
    // UnionPay's 清算日 turns at 23:00 Beijing: a payment at 23:30 clears the next day.
    t.settleDate ??= acpTime(new Date(now.getTime() + 3600_000)).slice(4, 8)
  }

  const pay = async (orderId: string, { notify = true } = {}): Promise<Delivery | undefined> => {
    const t = transactions.get(orderId)
    if (!t || t.txnType !== "01") throw new Error(`no such order ${orderId}`)
    if (t.origRespCode === "00") throw new Error(`${orderId} is already paid`)
    if (t.payTimeout && parseAcpTime(t.payTimeout) < new Date())
      throw new Error(`${orderId} timed out (payTimeout ${t.payTimeout})`)
    settle(t)
    return notify ? deliver(orderId) : undefined
  }

  const html = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { "content-type": "text/html;charset=UTF-8" })
    res.end(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>银联在线支付（沙箱）</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto">${body}</body></html>`
    )
  }
  const escape = (text: string) =>
    text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)
  const autoPost = (action: string, fields: AcpFields) =>
    `<form id="f" method="post" action="${escape(action)}">${Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
      .join(
        ""
      )}<noscript><button type="submit">返回商户</button></noscript></form><script>document.getElementById("f").submit()</script>`

  /** frontTransReq.do: the shopper's browser posts the merchant's signed form here. */
  const front = (res: ServerResponse, request: AcpFields) => {
    const fail = (message: string) => html(res, 400, `<h1>交易失败</h1><p>${escape(message)}</p>`)
    const failure = check(request)
    if (failure) return fail(failure)
    const missing = required(request, [
      "orderId",
      "txnTime",
      "txnAmt",
      "currencyCode",
      "frontUrl",
      "backUrl",
      "channelType",
    ])
    if (missing.length) return fail(`${MSG.format}：缺少 ${missing.join("、")}`)
    if (request.txnType !== "01" || request.txnSubType !== "01" || request.bizType !== "000201")
      return fail(`${MSG.format}：网关支付须为 txnType 01 / txnSubType 01 / bizType 000201`)
    if (request.accessType !== "0") return fail(`${MSG.format}：accessType 须为 0（商户直连）`)
    if (!["07", "08"].includes(request.channelType))
      return fail(`${MSG.format}：channelType 须为 07（PC）或 08（手机）`)
    if (request.currencyCode !== "156") return fail(`${MSG.format}：currencyCode 须为 156`)
    if (!/^[1-9]\d{0,11}$/.test(request.txnAmt))
      return fail(`${MSG.format}：txnAmt 须为正整数（分）`)
    if (!/^[A-Za-z0-9]{8,40}$/.test(request.orderId))
      return fail(`${MSG.format}：orderId 格式不正确`)
    try {
      parseAcpTime(request.txnTime)
      if (request.payTimeout && parseAcpTime(request.payTimeout) < new Date())
        return fail(MSG.timeout)
    } catch {
      return fail(`${MSG.format}：txnTime / payTimeout 须为 yyyyMMddHHmmss`)
    }
    const existing = transactions.get(request.orderId)
    if (
      existing &&
      (existing.txnTime !== request.txnTime || existing.txnAmt !== Number(request.txnAmt))
    )
      return fail(MSG.duplicate)
    if (existing?.origRespCode === "00") return fail("该订单已支付")
    const t: SandboxTransaction = existing ?? {
      txnType: "01",
      orderId: request.orderId,
      txnTime: request.txnTime,
      txnAmt: Number(request.txnAmt),
      channelType: request.channelType,
      backUrl: request.backUrl,
      frontUrl: request.frontUrl,
      reqReserved: request.reqReserved,
      payTimeout: request.payTimeout,
      refunded: 0,
      voided: false,
    }
    transactions.set(t.orderId, t)
    const yuan = `${Math.floor(t.txnAmt / 100)}.${String(t.txnAmt % 100).padStart(2, "0")}`
    html(
      res,
      200,
      `<h1>银联在线支付</h1><p>商户订单号：<span data-testid="unionpay-order-id">${escape(t.orderId)}</span></p>` +
        `<p>支付金额：<strong data-testid="unionpay-amount">¥${yuan}</strong></p>` +
        `<p data-testid="unionpay-channel">${t.channelType === "08" ? "手机网页支付" : "电脑网页支付"}</p>` +
        `<p>卡号：6216 **** **** 0018（沙箱测试卡）</p>` +
        `<form method="post" action="/gateway/cashier/pay"><input type="hidden" name="orderId" value="${escape(t.orderId)}"><button type="submit">确认付款</button></form>`
    )
  }

  /** The cashier's 确认付款: settle, notify backUrl, then return the shopper to frontUrl. */
  const cashierPay = async (res: ServerResponse, request: AcpFields) => {
    const t = transactions.get(request.orderId ?? "")
    if (!t || t.txnType !== "01") return html(res, 404, `<h1>交易失败</h1><p>${MSG.notFound}</p>`)
    try {
      if (t.origRespCode !== "00") await pay(t.orderId)
    } catch (error) {
      return html(res, 400, `<h1>交易失败</h1><p>${escape((error as Error).message)}</p>`)
    }
    html(
      res,
      200,
      `<p>支付成功，正在返回商户…</p>${autoPost(t.frontUrl!, notificationFor(t.orderId))}`
    )
  }

  /** backTransReq.do: refund (04) and same-day void (31). */
  const back = (res: ServerResponse, request: AcpFields) => {
    const failure = check(request)
    if (failure)
      return refuse(res, request, failure.startsWith(MSG.signature) ? "11" : "30", failure)
    const missing = required(request, ["orderId", "txnTime", "txnAmt", "origQryId", "backUrl"])
    if (missing.length)
      return refuse(res, request, "30", `${MSG.format}：缺少 ${missing.join("、")}`)
    if (!["04", "31"].includes(request.txnType) || request.txnSubType !== "00")
      return refuse(res, request, "30", `${MSG.format}：后台交易只支持退货（04）和消费撤销（31）`)
    const base = {
      version: "5.1.0",
      encoding: "UTF-8",
      signMethod: "01",
      accessType: "0",
      bizType: request.bizType,
      txnType: request.txnType,
      txnSubType: "00",
      channelType: request.channelType,
      merId: pki.merId,
      orderId: request.orderId,
      txnTime: request.txnTime,
      txnAmt: request.txnAmt,
      origQryId: request.origQryId,
      reqReserved: request.reqReserved ?? "",
    }
    const reply = (respCode: string, respMsg: string, extra: AcpFields = {}) =>
      answer(res, { ...base, respCode, respMsg, ...extra })
    if (transactions.has(request.orderId)) return reply("12", MSG.duplicate)
    if (!/^[1-9]\d{0,11}$/.test(request.txnAmt)) return reply("30", `${MSG.format}：txnAmt`)
    const original = [...transactions.values()].find(
      (t) => t.txnType === "01" && t.queryId === request.origQryId
    )
    if (!original || original.origRespCode !== "00")
      return reply("35", `${MSG.state}：原交易不存在或未成功`)
    if (original.voided) return reply("35", `${MSG.state}：原交易已撤销`)
    const amount = Number(request.txnAmt)
    if (request.txnType === "31") {
      // 消费撤销: the whole amount, the same (Beijing) day, nothing refunded yet.
      if (amount !== original.txnAmt || original.refunded > 0)
        return reply("35", `${MSG.state}：撤销须为原交易全额`)
      if (acpTime(new Date()).slice(0, 8) !== original.txnTime.slice(0, 8))
        return reply("35", `${MSG.state}：只能撤销当日交易，请使用退货`)
    } else if (original.refunded + amount > original.txnAmt) {
      return reply("35", `${MSG.amount}：退货总额超过原交易金额`)
    }
    const t: SandboxTransaction = {
      txnType: request.txnType as "04" | "31",
      orderId: request.orderId,
      txnTime: request.txnTime,
      txnAmt: amount,
      channelType: request.channelType ?? original.channelType,
      backUrl: request.backUrl,
      reqReserved: request.reqReserved,
      origQryId: original.queryId,
      origRespCode: "03",
      refunded: 0,
      voided: false,
    }
    transactions.set(t.orderId, t)
    if (t.txnType === "31") original.voided = true
    else original.refunded += amount
    t.queryId = `${acpTime(new Date())}${String(randomInt(10_000_000)).padStart(7, "0")}`
    reply("00", MSG.ok, { queryId: t.queryId })
    if (t.txnType === "31" || refundMode === "SUCCESS") {
      settle(t)
      void deliver(t.orderId)
    }
  }

  /** queryTrans.do: the state of any transaction by orderId + txnTime. */
  const query = (res: ServerResponse, request: AcpFields) => {
    const failure = check(request)
    if (failure)
      return refuse(res, request, failure.startsWith(MSG.signature) ? "11" : "30", failure)
    if (request.txnType !== "00" || request.txnSubType !== "00")
      return refuse(res, request, "30", `${MSG.format}：查询须为 txnType 00 / txnSubType 00`)
    const base = {
      version: "5.1.0",
      encoding: "UTF-8",
      signMethod: "01",
      accessType: "0",
      bizType: request.bizType,
      txnType: "00",
      txnSubType: "00",
      merId: pki.merId,
      orderId: request.orderId,
      txnTime: request.txnTime,
    }
    const t = transactions.get(request.orderId)
    // Opened at the cashier but never paid: UnionPay has no transaction to report yet.
    if (!t || t.txnTime !== request.txnTime || (t.txnType === "01" && !t.origRespCode))
      return answer(res, { ...base, respCode: "34", respMsg: MSG.notFound })
    answer(res, {
      ...base,
      respCode: "00",
      respMsg: MSG.ok,
      origRespCode: t.origRespCode!,
      origRespMsg:
        t.origRespCode === "00" ? MSG.ok : t.origRespCode === "03" ? "交易处理中" : "交易失败",
      origTxnType: t.txnType,
      queryId: t.queryId ?? "",
      origQryId: t.origQryId ?? "",
      txnAmt: String(t.txnAmt),
      settleAmt: String(t.txnAmt),
      settleCurrencyCode: "156",
      currencyCode: "156",
      settleDate: t.settleDate ?? "",
      traceNo: t.traceNo ?? "",
      traceTime: t.traceTime ?? "",
      reqReserved: t.reqReserved ?? "",
    })
  }

  /** 对账文件下载 (txnType 76): the settlement day's zip, or 98 文件不存在 for a quiet day. */
  const fileTransfer = async (res: ServerResponse, request: AcpFields) => {
    const failure = check(request)
    if (failure)
      return refuse(res, request, failure.startsWith(MSG.signature) ? "11" : "30", failure)
    if (
      request.txnType !== "76" ||
      request.txnSubType !== "01" ||
      request.fileType !== "00" ||
      !/^\d{4}$/.test(request.settleDate ?? "")
    )
      return refuse(
        res,
        request,
        "30",
        `${MSG.format}：对账文件下载须为 txnType 76 / txnSubType 01 / fileType 00，settleDate 为 MMDD`
      )
    const base = {
      version: "5.1.0",
      encoding: "UTF-8",
      signMethod: "01",
      accessType: "0",
      bizType: "000000",
      txnType: "76",
      txnSubType: "01",
      merId: pki.merId,
      settleDate: request.settleDate,
      txnTime: request.txnTime ?? "",
      fileType: "00",
    }
    if (billEntriesOn(request.settleDate).length === 0)
      return answer(res, { ...base, respCode: "98", respMsg: "文件不存在" })
    const zip = await billZip(request.settleDate)
    answer(res, {
      ...base,
      respCode: "00",
      respMsg: MSG.ok,
      fileName: `${pki.merId}_${acpTime(new Date()).slice(0, 4)}${request.settleDate}.zip`,
      fileContent: encodeFileContent(zip),
    })
  }

  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let body = ""
      req.setEncoding("utf8")
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => resolve(body))
      req.on("error", reject)
    })

  const server = http.createServer(async (req, res) => {
    try {
      const path = (req.url ?? "/").split("?")[0]
      if (req.method !== "POST") {
        res.writeHead(405, { allow: "POST" })
        return res.end()
      }
      const request = decodeForm(await read(req))
      if (path === "/gateway/api/frontTransReq.do") return front(res, request)
      if (path === "/gateway/cashier/pay") return await cashierPay(res, request)
      if (path === "/gateway/api/backTransReq.do") return back(res, request)
      if (path === "/gateway/api/queryTrans.do") return query(res, request)
      // UnionPay's file host (filedownload.95516.com) takes the request at its root.
      if (path === "/") return await fileTransfer(res, request)
      res.writeHead(404)
      res.end()
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain;charset=UTF-8" })
      res.end(String(error))
    }
  })
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve)
  )
  const address = server.address() as AddressInfo
  baseUrl = `http://${options.host ?? "127.0.0.1"}:${address.port}`

  return {
    url: baseUrl,
    pki,
    providerEnv: (urls) => {
      if (!dataDir) throw new Error("providerEnv needs the sandbox's dataDir (certificate files)")
      return providerEnv(pki, dataDir, baseUrl, urls)
    },
    pay,
    expire: (orderId) => {
      const t = transactions.get(orderId)
      if (!t || t.txnType !== "01") throw new Error(`no such order ${orderId}`)
      if (t.origRespCode === "00") throw new Error(`${orderId} is already paid`)
      t.payTimeout = acpTime(new Date(Date.now() - 1000))
    },
    notificationFor,
    paidNotification: ({ orderId, txnTime, txnAmt }) => {
      const t: SandboxTransaction = {
        txnType: "01",
        orderId,
        txnTime,
        txnAmt,
        channelType: "07",
        backUrl: "",
        refunded: 0,
        voided: false,
      }
      settle(t)
      return notificationOf(t as SandboxTransaction & { queryId: string })
    },
    refundsOf: (orderId) => {
      const queryId = transactions.get(orderId)?.queryId
      return queryId ? [...transactions.values()].filter((t) => t.origQryId === queryId) : []
    },
    sign,
    setNotifyUrl: (url) => (notifyOverride = url),
    setRefundMode: (mode) => (refundMode = mode),
    settleRefund: async (orderId, outcome) => {
      const t = transactions.get(orderId)
      if (!t || t.txnType === "01") throw new Error(`no refund ${orderId}`)
      if (outcome === "00") {
        settle(t)
        await deliver(orderId)
      } else {
        t.origRespCode = "01"
        const original = [...transactions.values()].find((o) => o.queryId === t.origQryId)
        if (original) original.refunded -= t.txnAmt
      }
    },
    transaction: (orderId) => transactions.get(orderId),
    deliveries,
    billZip,
    addBillLine: ({ orderId, txnAmt, txnType = "01", at = new Date() }) => {
      billExtras.push({
        txnType,
        orderId,
        queryId: `${acpTime(at)}${String(randomInt(10_000_000)).padStart(7, "0")}`,
        txnAmt,
        traceNo: String(randomInt(1_000_000)).padStart(6, "0"),
        traceTime: acpTime(at).slice(4),
        channelType: "07",
        merId: pki.merId,
      })
    },
    setBillAmount: (orderId, fen) => {
      billAmounts.set(orderId, fen)
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
