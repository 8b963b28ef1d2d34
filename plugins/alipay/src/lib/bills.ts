import iconv from "iconv-lite"
import JSZip from "jszip"
import { AlipayApiError, type AlipayClient } from "./client"

/**
 * 支付宝业务明细账单 (bill_type `trade`): `alipay.data.dataservice.bill.downloadurl.query`
 * answers a signed, short-lived `bill_download_url`; the file there is a zip of two GBK CSV
 * files, `<PID>_<yyyyMMdd>_业务明细.csv` and `…_业务明细(汇总).csv`. Both wrap their table in
 * comment lines starting with `#` (title, account, period, then totals and export time), and
 * Alipay ends every data field with a tab so spreadsheets keep long numbers as text.
 */
export const BILL_DOWNLOAD_METHOD = "alipay.data.dataservice.bill.downloadurl.query"

/** One line of the 明细 file: a payment (业务类型 交易) or a refund (退款). Amounts in fen. */
export type AlipayBillLine = {
  kind: "payment" | "refund"
  /** 支付宝交易号. */
  trade_no: string
  /** 商户订单号 (our out_trade_no). */
  out_trade_no: string
  /** 退款批次号/请求号 (our out_request_no); empty on payments. */
  out_request_no: string
  business_type: string
  subject: string
  created_at: string
  finished_at: string
  /** 订单金额（元）, as fen, unsigned (refund lines carry it negative in the file). */
  amount: number
  /** 商家实收（元）, as fen, signed as in the file (negative on refunds). */
  receipt: number
  /** 服务费（元）, as fen, signed as in the file. */
  fee: number
}

export type AlipayBillSummary = {
  trade_count: number
  refund_count: number
  /** 订单金额 and 商家实收 totals of the 汇总 file's 合计 row, fen, signed. */
  order_amount: number
  receipt: number
}

export type AlipayBillDay = {
  bill_date: string
  /** False when Alipay has no bill for the day (isp.bill_not_exist: nothing happened). */
  exists: boolean
  lines: AlipayBillLine[]
  summary: AlipayBillSummary | null
}

/** "699.00", "-0.01", "  0.6\t" → fen, digit by digit (never a float); empty → 0. */
export function alipayYuanToFen(text: string | undefined): number {
  const value = (text ?? "").trim()
  if (value === "") return 0
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value)
  if (!match) throw new Error(`支付宝账单金额格式不正确：${value}`)
  const fen = parseInt(match[2], 10) * 100 + parseInt(((match[3] ?? "") + "00").slice(0, 2), 10)
  return match[1] === "-" && fen !== 0 ? -fen : fen
}

/** The table inside a 明细/汇总 file: comment lines dropped, header and rows split and trimmed. */
export function readAlipayCsvTable(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  if (lines.length === 0) return []
  // Alipay's fields never contain commas (names are cleaned of them), so a plain split holds.
  const header = lines[0].split(",").map((name) => name.trim())
  return lines.slice(1).map((line) => {
    const values = line.split(",").map((value) => value.trim())
    return Object.fromEntries(header.map((name, k) => [name, values[k] ?? ""]))
  })
}

const KIND_OF: Record<string, AlipayBillLine["kind"]> = { 交易: "payment", 退款: "refund" }

export function parseAlipayDetailCsv(text: string): AlipayBillLine[] {
  return readAlipayCsvTable(text).flatMap((row) => {
    const kind = KIND_OF[row["业务类型"] ?? ""]
    // Other business types (e.g. 冻结, 分账) move no money of a trade of ours.
    if (!kind) return []
    return [
      {
        kind,
        trade_no: row["支付宝交易号"] ?? "",
        out_trade_no: row["商户订单号"] ?? "",
        out_request_no: kind === "refund" ? (row["退款批次号/请求号"] ?? "") : "",
        business_type: row["业务类型"] ?? "",
        subject: row["商品名称"] ?? "",
        created_at: row["创建时间"] ?? "",
        finished_at: row["完成时间"] ?? "",
        amount: Math.abs(alipayYuanToFen(row["订单金额（元）"])),
        receipt: alipayYuanToFen(row["商家实收（元）"]),
        fee: alipayYuanToFen(row["服务费（元）"]),
      },
    ]
  })
}

export function parseAlipaySummaryCsv(text: string): AlipayBillSummary | null {
  const total = readAlipayCsvTable(text).find((row) => row["门店名称"] === "合计")
  if (!total) return null
  return {
    trade_count: Number(total["交易订单总笔数"] ?? 0),
    refund_count: Number(total["退款订单总笔数"] ?? 0),
    order_amount: alipayYuanToFen(total["订单金额（元）"]),
    receipt: alipayYuanToFen(total["商家实收（元）"]),
  }
}

/** The zip Alipay serves: entry names and contents are GBK. */
export async function readAlipayBillZip(
  zip: Buffer
): Promise<{ lines: AlipayBillLine[]; summary: AlipayBillSummary | null }> {
  const archive = await JSZip.loadAsync(zip, {
    decodeFileName: (bytes) => iconv.decode(Buffer.from(bytes as Uint8Array), "gbk"),
  })
  const files = Object.values(archive.files).filter((entry) => !entry.dir)
  const detail = files.find((f) => f.name.includes("业务明细") && !f.name.includes("汇总"))
  const summary = files.find((f) => f.name.includes("汇总"))
  if (!detail) throw new Error("支付宝账单压缩包中没有业务明细文件")
  const text = async (entry: JSZip.JSZipObject) =>
    iconv.decode(await entry.async("nodebuffer"), "gbk")
  return {
    lines: parseAlipayDetailCsv(await text(detail)),
    summary: summary ? parseAlipaySummaryCsv(await text(summary)) : null,
  }
}

export function assertAlipayBillDate(date: string): void {
  const at = new Date(`${date}T00:00:00Z`)
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(at.getTime()) ||
    at.toISOString().slice(0, 10) !== date
  )
    throw new Error(`bill_date must be YYYY-MM-DD, got ${date}`)
}

/**
 * One Beijing day's trade bill: the download URL from the gateway (the SDK verifies the
 * answer's RSA2 signature), then the zip, unpacked and parsed. A day without a bill is an
 * empty day, not an error.
 */
export async function downloadAlipayBill(
  client: AlipayClient,
  billDate: string,
  fetchImpl: typeof fetch = fetch
): Promise<AlipayBillDay> {
  assertAlipayBillDate(billDate)
  let url: string
  try {
    const answer = await client.call<{ bill_download_url?: string }>(BILL_DOWNLOAD_METHOD, {
      bill_type: "trade",
      bill_date: billDate,
    })
    if (!answer.bill_download_url) throw new Error("支付宝未返回账单下载地址")
    url = answer.bill_download_url
  } catch (error) {
    if (error instanceof AlipayApiError && error.subCode === "isp.bill_not_exist")
      return { bill_date: billDate, exists: false, lines: [], summary: null }
    throw error
  }
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(30_000) })
  if (!response.ok) throw new Error(`支付宝账单下载失败（HTTP ${response.status}）`)
  const { lines, summary } = await readAlipayBillZip(Buffer.from(await response.arrayBuffer()))
  return { bill_date: billDate, exists: true, lines, summary }
}
