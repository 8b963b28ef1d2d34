import { createHash } from "crypto"
import { gunzipSync } from "zlib"
import { WechatpayApiError, type WechatpayClient } from "./client"

/**
 * 交易账单 (GET /v3/bill/tradebill) and 资金账单 (GET /v3/bill/fundflowbill): WeChat answers
 * `{hash_type, hash_value, download_url}`; the file (gzip when asked) is a CSV where every
 * field starts with a backtick, a header row first and a summary header and row at the end.
 */
export type BillKind = "trade" | "fundflow"

export type BillDescriptor = { hash_type: string; hash_value: string; download_url: string }

/** One parsed bill: the rows keyed by WeChat's own (Chinese) column names, and the summary. */
export type ParsedBill = {
  header: string[]
  rows: Record<string, string>[]
  summary: Record<string, string>
}

/** A trade bill row (bill_type=ALL): a payment (SUCCESS) or a refund (REFUND) of a WeChat order. */
export type WechatTradeBillLine = {
  trade_time: string
  transaction_id: string
  out_trade_no: string
  trade_type: string
  /** SUCCESS for a payment row, REFUND for a refund row, REVOKED for a revoked one. */
  trade_state: string
  /** Fen: 应结订单金额 (payment rows). */
  settlement_total: number
  /** Fen: 订单金额. */
  order_total: number
  refund_id: string
  out_refund_no: string
  /** Fen: 退款金额 (refund rows). */
  refund: number
  refund_status: string
  attach: string
  /** WeChat's fee, yuan with up to five decimals, as written. */
  fee: string
}

export type WechatBillDay = {
  bill_date: string
  /** False when WeChat has no bill for the day (NO_STATEMENT_EXIST: nothing happened). */
  exists: boolean
  trades: WechatTradeBillLine[]
  trade_summary: Record<string, string>
  fundflow: Record<string, string>[]
  fundflow_summary: Record<string, string>
}

const BILL_PATH: Record<BillKind, (date: string) => string> = {
  trade: (date) => `/v3/bill/tradebill?bill_date=${date}&bill_type=ALL&tar_type=GZIP`,
  fundflow: (date) => `/v3/bill/fundflowbill?bill_date=${date}&account_type=BASIC&tar_type=GZIP`,
}

export class WechatBillHashError extends Error {
  constructor(kind: BillKind, date: string) {
    super(
      `微信${kind === "trade" ? "交易" : "资金"}账单 ${date} 的 SHA1 校验失败，文件可能被篡改或不完整`
    )
    this.name = "WechatBillHashError"
  }
}

export function assertBillDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new Error(`bill_date must be YYYY-MM-DD, got ${date}`)
}

/** The bill's text, its hash checked; null when WeChat has no bill for the day. */
export async function downloadBill(
  client: WechatpayClient,
  kind: BillKind,
  date: string
): Promise<string | null> {
  assertBillDate(date)
  let descriptor: BillDescriptor
  try {
    ;({ data: descriptor } = await client.request<BillDescriptor>("GET", BILL_PATH[kind](date)))
  } catch (error) {
    if (error instanceof WechatpayApiError && error.code === "NO_STATEMENT_EXIST") return null
    throw error
  }
  const bytes = await client.download(descriptor.download_url)
  // WeChat hashes the bill itself: a gzip answer is unpacked first.
  const file = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
  const algorithm = descriptor.hash_type.toUpperCase() === "SHA1" ? "sha1" : null
  if (!algorithm) throw new Error(`unsupported bill hash_type ${descriptor.hash_type}`)
  const digest = createHash(algorithm).update(file).digest("hex")
  if (digest.toLowerCase() !== descriptor.hash_value.toLowerCase())
    throw new WechatBillHashError(kind, date)
  return file.toString("utf8")
}

/** Fields of one data line: each starts with a backtick, so ",`" separates them (names may hold commas). */
function fieldsOf(line: string): string[] {
  const body = line.startsWith("`") ? line.slice(1) : line
  return body.split(",`").map((field) => field.trim())
}

/** WeChat's CSV: header, backtick rows, then a plain summary header and one backtick summary row. */
export function parseBill(text: string): ParsedBill {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
  if (lines.length === 0) return { header: [], rows: [], summary: {} }
  const header = lines[0].split(",").map((name) => name.trim())
  const rows: Record<string, string>[] = []
  let summary: Record<string, string> = {}
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (!line.startsWith("`")) {
      const summaryHeader = line.split(",").map((name) => name.trim())
      const values = lines[i + 1] ? fieldsOf(lines[i + 1]) : []
      summary = Object.fromEntries(summaryHeader.map((name, k) => [name, values[k] ?? ""]))
      break
    }
    const values = fieldsOf(line)
    rows.push(Object.fromEntries(header.map((name, k) => [name, values[k] ?? ""])))
  }
  return { header, rows, summary }
}

/** "699.00" → 69900, digit by digit (never a float); empty → 0. */
export function billYuanToFen(text: string): number {
  const value = (text ?? "").trim()
  if (value === "") return 0
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value)
  if (!match) throw new Error(`invalid bill amount: ${value}`)
  const fen = parseInt(match[2], 10) * 100 + parseInt(((match[3] ?? "") + "00").slice(0, 2), 10)
  return match[1] === "-" ? -fen : fen
}

const blankZero = (value: string | undefined) => (value === undefined || value === "0" ? "" : value)

export function tradeLinesOf(bill: ParsedBill): WechatTradeBillLine[] {
  return bill.rows.map((row) => ({
    trade_time: row["交易时间"] ?? "",
    transaction_id: row["微信订单号"] ?? "",
    out_trade_no: row["商户订单号"] ?? "",
    trade_type: row["交易类型"] ?? "",
    trade_state: row["交易状态"] ?? "",
    settlement_total: billYuanToFen(row["应结订单金额"] ?? ""),
    order_total: billYuanToFen(row["订单金额"] ?? ""),
    refund_id: blankZero(row["微信退款单号"]),
    out_refund_no: blankZero(row["商户退款单号"]),
    refund: billYuanToFen(row["退款金额"] ?? ""),
    refund_status: row["退款状态"] ?? "",
    attach: row["商户数据包"] ?? "",
    fee: row["手续费"] ?? "",
  }))
}
