import iconv from "iconv-lite"
import JSZip from "jszip"
import { inflateSync } from "zlib"
import { encodeForm, parseAcpResponse } from "./acp-form"
import type { AcpFields } from "./acp-signature"
import { acpTime } from "./beijing-time"
import { UnionpayApiError } from "./client"
import type { UnionpayConfig } from "./config"
import { commonFields, signRequest, verifyUnionpayMessage } from "./messages"

/**
 * 对账文件下载 (ACP 文件传输类, txnType 76, fileType 00): the answer's fileContent is a zip,
 * deflate-compressed (zlib) and base64-encoded. In the zip, `INN<yyMMdd>88ZM_<merId>` is the
 * 全渠道 一般交易流水文件: one transaction a line, fixed-width GBK fields separated by one
 * space, in the order and widths of 《全渠道平台接入接口规范 第3部分 文件接口》 6.1 (the widths
 * UnionPay's own SDK parses with, in bytes).
 */
export const ZM_FIELDS = [
  ["trade_code", 3, "交易代码"],
  ["acquirer_code", 11, "代理机构标识码"],
  ["forwarder_code", 11, "发送机构标识码"],
  ["trace_no", 6, "系统跟踪号"],
  ["trace_time", 10, "交易传输时间"],
  ["account", 19, "帐号"],
  ["amount", 12, "交易金额"],
  ["merchant_category", 4, "商户类别"],
  ["terminal_type", 2, "终端类型"],
  ["query_id", 21, "查询流水号"],
  ["old_pay_type", 2, "支付方式（旧）"],
  ["order_id", 32, "商户订单号"],
  ["pay_card_type", 2, "支付卡类型"],
  ["orig_trace_no", 6, "原始交易的系统跟踪号"],
  ["orig_trace_time", 10, "原始交易日期时间"],
  ["merchant_fee", 13, "商户手续费"],
  ["settle_amount", 13, "结算金额"],
  ["pay_type", 4, "支付方式"],
  ["group_merchant", 15, "集团商户代码"],
  ["txn_type", 2, "交易类型"],
  ["txn_sub_type", 2, "交易子类"],
  ["biz_type", 6, "业务类型"],
  ["account_type", 2, "帐号类型"],
  ["bill_type", 4, "账单类型"],
  ["bill_no", 32, "账单号码"],
  ["interaction", 1, "交互方式"],
  ["orig_query_id", 21, "原交易查询流水号"],
  ["mer_id", 15, "商户代码"],
  ["split_mode", 1, "分账入账方式"],
  ["sub_mer_id", 15, "二级商户代码"],
  ["sub_mer_abbr", 32, "二级商户简称"],
  ["sub_mer_amount", 13, "二级商户分账入账金额"],
  ["net_amount", 13, "清算净额"],
  ["terminal_id", 8, "终端号"],
  ["mer_reserved", 32, "商户自定义域"],
  ["discount", 13, "优惠金额"],
  ["invoice_amount", 13, "发票金额"],
  ["installment_fee", 12, "分期付款附加手续费"],
  ["installments", 2, "分期付款期数"],
  ["medium", 1, "交易介质"],
  ["orig_order_id", 32, "原始交易订单号"],
  ["reserved", 98, "保留使用"],
] as const

export type ZmField = (typeof ZM_FIELDS)[number][0]
export type ZmRecord = Record<ZmField, string>

/** One ZM line as reconciliation reads it. Amounts in fen. */
export type UnionpayBillLine = {
  /** By 交易类型 (ACP txnType): 01 消费, 04 退货, 31 消费撤销. */
  kind: "payment" | "refund" | "void"
  trade_code: string
  txn_type: string
  /** 商户订单号: the payment's orderId, or the refund's / void's own. */
  order_id: string
  query_id: string
  /** Refunds and voids: the consumption's queryId and orderId. */
  orig_query_id: string
  orig_order_id: string
  /** 交易金额, fen. */
  amount: number
  /** 结算金额, fen, signed (C credit to the merchant, D debit). */
  settle_amount: number
  /** 交易传输时间, MMDDhhmmss Beijing time. */
  trace_time: string
}

export type UnionpayBillDay = {
  bill_date: string
  /** False when UnionPay has no file for the day (respCode 98: nothing was cleared). */
  exists: boolean
  lines: UnionpayBillLine[]
}

const KIND_OF: Record<string, UnionpayBillLine["kind"]> = {
  "01": "payment",
  "04": "refund",
  "31": "void",
}

/** A ZM line's fields, cut by byte widths (GBK: a Chinese character is two bytes). */
export function zmRecordOf(line: Buffer): ZmRecord {
  const record = {} as ZmRecord
  let at = 0
  for (const [name, width] of ZM_FIELDS) {
    record[name] = iconv.decode(line.subarray(at, at + width), "gbk").trim()
    at += width + 1
  }
  return record
}

/** "000000069900" → 69900; "C000000069900" / "D000000019900" → ±fen; blank → 0. */
export function zmAmount(text: string): number {
  const value = text.trim()
  if (value === "") return 0
  const match = /^([CD]?)(\d+)$/.exec(value)
  if (!match) throw new Error(`银联对账文件金额格式不正确：${value}`)
  const fen = parseInt(match[2], 10)
  return match[1] === "D" && fen !== 0 ? -fen : fen
}

/** Every line of a ZM file, bytes as they are (the widths are bytes, not characters). */
export function parseZmFile(file: Buffer): UnionpayBillLine[] {
  const lines: Buffer[] = []
  let start = 0
  for (let i = 0; i <= file.length; i++) {
    if (i === file.length || file[i] === 0x0a) {
      let end = i
      if (end > start && file[end - 1] === 0x0d) end--
      if (end > start) lines.push(file.subarray(start, end))
      start = i + 1
    }
  }
  return lines
    .filter((line) => line.toString("latin1").trim() !== "")
    .flatMap((line) => {
      const record = zmRecordOf(line)
      const kind = KIND_OF[record.txn_type]
      // Other transaction types (pre-authorisation and the like) are not used by this shop.
      if (!kind) return []
      return [
        {
          kind,
          trade_code: record.trade_code,
          txn_type: record.txn_type,
          order_id: record.order_id,
          query_id: record.query_id,
          orig_query_id: record.orig_query_id,
          orig_order_id: record.orig_order_id,
          amount: zmAmount(record.amount),
          settle_amount: zmAmount(record.settle_amount),
          trace_time: record.trace_time,
        },
      ]
    })
}

/** fileContent → the zip's bytes (base64, then zlib inflate, as UnionPay's SDK does). */
export function decodeFileContent(fileContent: string): Buffer {
  return inflateSync(Buffer.from(fileContent, "base64"))
}

/** The ZM file's lines from the zip (other files, ZME errors and the like, are not read). */
export async function readUnionpayBillZip(zip: Buffer): Promise<UnionpayBillLine[]> {
  const archive = await JSZip.loadAsync(zip)
  const zm = Object.values(archive.files).find(
    (entry) => !entry.dir && /ZM_/.test(entry.name) && !/ZME_/.test(entry.name)
  )
  if (!zm) return []
  return parseZmFile(await zm.async("nodebuffer"))
}

/**
 * Where 对账文件下载 goes: UNIONPAY_FILE_TRANSFER_URL, else UnionPay's file host for the
 * production and test gateways, else the gateway itself (the sandbox serves both).
 */
export function fileTransferUrlOf(
  config: Pick<UnionpayConfig, "gateway">,
  env: NodeJS.ProcessEnv = process.env
): string {
  const configured = env.UNIONPAY_FILE_TRANSFER_URL?.trim()
  if (configured) return configured
  const host = new URL(config.gateway).host
  if (host === "gateway.95516.com") return "https://filedownload.95516.com/"
  if (host === "gateway.test.95516.com") return "https://filedownload.test.95516.com/"
  return `${config.gateway}/`
}

/** "2026-12-06" → settleDate "1206". */
export function settleDateOf(billDate: string): string {
  const at = new Date(`${billDate}T00:00:00Z`)
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(billDate) ||
    Number.isNaN(at.getTime()) ||
    at.toISOString().slice(0, 10) !== billDate
  )
    throw new Error(`bill_date must be YYYY-MM-DD, got ${billDate}`)
  return billDate.slice(5, 7) + billDate.slice(8, 10)
}

/**
 * One settlement day's 流水文件 (清算日 D runs from 23:00 Beijing on D−1 to 23:00 on D, in
 * the sandbox as at UnionPay). The answer is read only after its certificate chain
 * and signature verified; respCode 98 (文件不存在) is a day without transactions.
 */
export async function downloadUnionpayBill(
  config: UnionpayConfig,
  billDate: string,
  fetchImpl: typeof fetch = fetch
): Promise<UnionpayBillDay> {
  const settleDate = settleDateOf(billDate)
  const request: AcpFields = {
    ...commonFields(config),
    txnType: "76",
    txnSubType: "01",
    bizType: "000000",
    settleDate,
    txnTime: acpTime(new Date()),
    fileType: "00",
  }
  const url = fileTransferUrlOf(config)
  const response = await fetchImpl(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: encodeForm(signRequest(request, config)),
    signal: AbortSignal.timeout(60_000),
  })
  if (!response.ok) throw new Error(`银联对账文件下载失败（HTTP ${response.status}）`)
  const answer = parseAcpResponse(await response.text())
  if (!answer.signature) {
    throw new UnionpayApiError(
      answer.respCode ?? "",
      `银联拒绝了对账文件请求（${answer.respCode ?? "?"} ${answer.respMsg ?? ""}）`
    )
  }
  const verdict = verifyUnionpayMessage(answer, config)
  if (!verdict.ok) throw new Error(`银联对账文件应答验签失败：${verdict.reason}`)
  if (answer.respCode === "98") return { bill_date: billDate, exists: false, lines: [] }
  if (answer.respCode !== "00" || !answer.fileContent)
    throw new UnionpayApiError(
      answer.respCode ?? "",
      `银联对账文件下载失败（${answer.respCode} ${answer.respMsg ?? ""}）`
    )
  const lines = await readUnionpayBillZip(decodeFileContent(answer.fileContent))
  return { bill_date: billDate, exists: true, lines }
}
