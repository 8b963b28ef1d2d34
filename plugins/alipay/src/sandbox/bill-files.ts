import { createHmac, timingSafeEqual } from "crypto"
import iconv from "iconv-lite"
import JSZip from "jszip"
import { fenToYuanString } from "../lib/money"
import { shanghaiTime } from "../lib/trade-no"

/**
 * The sandbox's 业务明细账单, written as Alipay writes it: a zip named `<PID>_<yyyyMMdd>.csv.zip`
 * holding `<PID>_<yyyyMMdd>_业务明细.csv` and `…_业务明细(汇总).csv`, names and contents in GBK,
 * the table between `#` comment lines, every field ending in a tab.
 */
export type AlipayBillEntry = {
  kind: "payment" | "refund"
  trade_no: string
  out_trade_no: string
  /** Refunds: the out_request_no. */
  out_request_no?: string
  subject: string
  created_at: Date
  finished_at: Date
  /** Fen, positive; refunds are written negative. */
  amount: number
}

const DETAIL_HEADER =
  "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注"
const SUMMARY_HEADER =
  "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）"

/** Signed fen → "-199.00". */
const yuan = (fen: number) => `${fen < 0 ? "-" : ""}${fenToYuanString(Math.abs(fen))}`
const row = (fields: (string | number)[]) => fields.map((field) => `${field}\t`).join(",")
const dayOf = (date: string) => date.replace(/-/g, "")
/** "2026-12-06" → "2026年12月06日". */
const chineseDate = (date: string) =>
  `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

const signed = (entry: AlipayBillEntry) => (entry.kind === "refund" ? -entry.amount : entry.amount)

function preamble(title: string, pid: string, date: string) {
  return [
    `#支付宝${title}查询`,
    `#账号：[${pid}0156]`,
    `#起始日期：[${chineseDate(date)} 00:00:00]   终止日期：[${chineseDate(nextDay(date))} 00:00:00]`,
    `#-----------------------------------------${title}列表----------------------------------------`,
  ]
}

export function alipayDetailCsv(
  pid: string,
  date: string,
  entries: AlipayBillEntry[],
  exportedAt = new Date()
): string {
  const lines = [...preamble("业务明细", pid, date), DETAIL_HEADER]
  for (const entry of entries) {
    const money = yuan(signed(entry))
    lines.push(
      row([
        entry.trade_no,
        entry.out_trade_no,
        entry.kind === "refund" ? "退款" : "交易",
        entry.subject.replace(/,/g, "，"),
        shanghaiTime(entry.created_at),
        shanghaiTime(entry.finished_at),
        "",
        "",
        "",
        "",
        "sbx***@sandbox.com",
        money,
        money,
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "",
        "0.00",
        "0.00",
        entry.kind === "refund" ? (entry.out_request_no ?? "") : "",
        "0.00",
        "0.00",
        "",
      ])
    )
  }
  const payments = entries.filter((e) => e.kind === "payment")
  const refunds = entries.filter((e) => e.kind === "refund")
  const total = (list: AlipayBillEntry[]) => list.reduce((sum, e) => sum + signed(e), 0)
  lines.push(
    "#-----------------------------------------业务明细列表结束------------------------------------",
    `#交易合计：${payments.length}笔，商家实收共${yuan(total(payments))}元，商家优惠共0.00元`,
    `#退款合计：${refunds.length}笔，商家实收退款共${yuan(total(refunds))}元，商家优惠退款0.00元`,
    `#导出时间：[${chineseDate(shanghaiTime(exportedAt).slice(0, 10))} ${shanghaiTime(exportedAt).slice(11)}]`
  )
  return `${lines.join("\r\n")}\r\n`
}

export function alipaySummaryCsv(
  pid: string,
  date: string,
  entries: AlipayBillEntry[],
  exportedAt = new Date()
): string {
  const sum = entries.reduce((total, e) => total + signed(e), 0)
  const count = (kind: AlipayBillEntry["kind"]) => entries.filter((e) => e.kind === kind).length
  const lines = [
    ...preamble("业务汇总", pid, date),
    SUMMARY_HEADER,
    row([
      "",
      "合计",
      count("payment"),
      count("refund"),
      yuan(sum),
      yuan(sum),
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      yuan(sum),
    ]),
    "#-----------------------------------------业务汇总列表结束------------------------------------",
    `#导出时间：[${chineseDate(shanghaiTime(exportedAt).slice(0, 10))} ${shanghaiTime(exportedAt).slice(11)}]`,
  ]
  return `${lines.join("\r\n")}\r\n`
}

export function alipayBillFileName(pid: string, date: string) {
  return `${pid}_${dayOf(date)}.csv.zip`
}

/** The zip as Alipay serves it (GBK names without the UTF-8 flag, GBK contents). */
export async function alipayBillZip(
  pid: string,
  date: string,
  entries: AlipayBillEntry[]
): Promise<Buffer> {
  const zip = new JSZip()
  const base = `${pid}_${dayOf(date)}`
  zip.file(`${base}_业务明细.csv`, iconv.encode(alipayDetailCsv(pid, date, entries), "gbk"))
  zip.file(`${base}_业务明细(汇总).csv`, iconv.encode(alipaySummaryCsv(pid, date, entries), "gbk"))
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    encodeFileName: (name) => iconv.encode(name, "gbk") as unknown as string,
  })
}

/**
 * The download URL's signature: Alipay's URLs are signed and expire; the sandbox signs the
 * query with its own secret and refuses a URL that was altered or is older than 30 seconds.
 */
export function signBillUrl(secret: string, base: string, query: Record<string, string>): string {
  const url = new URL(base)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  url.searchParams.set("timestamp", String(Date.now()))
  url.searchParams.set("token", billUrlToken(secret, url.searchParams))
  return url.toString()
}

function billUrlToken(secret: string, params: URLSearchParams) {
  const text = [...params.entries()]
    .filter(([key]) => key !== "token")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&")
  return createHmac("sha256", secret).update(text).digest("hex")
}

export function billUrlValid(secret: string, params: URLSearchParams, now = Date.now()): boolean {
  const token = Buffer.from(params.get("token") ?? "")
  const expected = Buffer.from(billUrlToken(secret, params))
  const age = now - Number(params.get("timestamp"))
  return (
    token.length === expected.length && timingSafeEqual(token, expected) && age >= 0 && age < 30_000
  )
}
