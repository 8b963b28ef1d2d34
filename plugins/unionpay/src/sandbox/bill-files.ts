import iconv from "iconv-lite"
import JSZip from "jszip"
import { deflateSync } from "zlib"
import { ZM_FIELDS, type ZmField } from "../lib/bills"

/**
 * The sandbox's 对账文件, as UnionPay serves it: a zip holding the 全渠道 一般交易流水文件
 * `INN<yyMMdd>88ZM_<merId>` (fixed-width GBK, one space between fields, CRLF lines) and an
 * empty 差错文件 `…ZME_…`, deflated and base64-encoded into the answer's fileContent.
 */
export type ZmEntry = {
  txnType: "01" | "04" | "31"
  orderId: string
  queryId: string
  /** Fen. */
  txnAmt: number
  traceNo: string
  /** MMDDhhmmss. */
  traceTime: string
  channelType: string
  merId: string
  reqReserved?: string
  /** Refunds and voids: the consumption's. */
  origQryId?: string
  origOrderId?: string
  origTraceNo?: string
  origTraceTime?: string
}

/** 交易代码 the sandbox writes; reconciliation reads the 交易类型 beside it. */
const TRADE_CODE: Record<ZmEntry["txnType"], string> = { "01": "S22", "04": "S30", "31": "S31" }

const NUMERIC: ZmField[] = ["amount", "discount", "invoice_amount", "installment_fee"]

/** A value to its width in GBK bytes: numbers zero-filled on the left, text space-filled right. */
function cell(name: ZmField, width: number, value: string): Buffer {
  if (NUMERIC.includes(name)) return Buffer.from(value.padStart(width, "0").slice(-width), "latin1")
  let bytes = iconv.encode(value, "gbk")
  if (bytes.length > width) bytes = bytes.subarray(0, width)
  return Buffer.concat([bytes, Buffer.alloc(width - bytes.length, 0x20)])
}

/** "C" + 12 digits (credit to the merchant) or "D" + 12 digits. */
const signedAmount = (fen: number) =>
  `${fen < 0 ? "D" : "C"}${String(Math.abs(fen)).padStart(12, "0")}`

export function zmLine(entry: ZmEntry): Buffer {
  const credit = entry.txnType === "01" ? entry.txnAmt : -entry.txnAmt
  const values: Partial<Record<ZmField, string>> = {
    trade_code: TRADE_CODE[entry.txnType],
    acquirer_code: "00049992900",
    forwarder_code: "00049992900",
    trace_no: entry.traceNo,
    trace_time: entry.traceTime,
    account: "6216***********0018",
    amount: String(entry.txnAmt),
    merchant_category: "5999",
    terminal_type: entry.channelType,
    query_id: entry.queryId,
    old_pay_type: "01",
    order_id: entry.orderId,
    pay_card_type: "01",
    orig_trace_no: entry.origTraceNo ?? "",
    orig_trace_time: entry.origTraceTime ?? "",
    merchant_fee: signedAmount(0),
    settle_amount: signedAmount(credit),
    pay_type: "0001",
    txn_type: entry.txnType,
    txn_sub_type: entry.txnType === "01" ? "01" : "00",
    biz_type: "000201",
    account_type: "01",
    interaction: "1",
    orig_query_id: entry.origQryId ?? "",
    mer_id: entry.merId,
    net_amount: signedAmount(credit),
    mer_reserved: entry.reqReserved ?? "",
    discount: "0",
    invoice_amount: "0",
    installment_fee: "0",
    orig_order_id: entry.origOrderId ?? "",
  }
  const cells = ZM_FIELDS.map(([name, width]) => cell(name, width, values[name] ?? ""))
  const parts: Buffer[] = []
  cells.forEach((c, i) => parts.push(...(i ? [Buffer.from(" "), c] : [c])))
  return Buffer.concat(parts)
}

export function zmFile(entries: ZmEntry[]): Buffer {
  return Buffer.concat(entries.flatMap((entry) => [zmLine(entry), Buffer.from("\r\n")]))
}

/** The zip for a settlement day: `yyMMdd` is the day, merId the merchant. */
export async function unionpayBillZip(
  merId: string,
  yymmdd: string,
  entries: ZmEntry[]
): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(`INN${yymmdd}88ZM_${merId}`, zmFile(entries))
  zip.file(`INN${yymmdd}88ZME_${merId}`, Buffer.alloc(0))
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
}

/** The answer's fileContent: the zip deflated (zlib) and base64-encoded, as UnionPay sends it. */
export function encodeFileContent(zip: Buffer): string {
  return deflateSync(zip).toString("base64")
}
