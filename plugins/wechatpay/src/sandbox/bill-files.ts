/**
 * The sandbox's daily bills, written exactly as WeChat writes them: a header row, every field
 * of every data row prefixed with a backtick, then a summary header and its row.
 */
export type BillTrade = {
  appid: string
  mchid: string
  out_trade_no: string
  transaction_id: string
  trade_type: string
  openid: string
  total: number
  attach: string
  description: string
  success_time: string
}

export type BillRefund = {
  out_trade_no: string
  out_refund_no: string
  refund_id: string
  refund: number
  status: string
  time: string
}

const TRADE_HEADER =
  "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"
const TRADE_SUMMARY_HEADER =
  "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"
const FUNDFLOW_HEADER =
  "记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额（元）,账户结余（元）,资金变更提交申请人,备注,业务凭证号"
const FUNDFLOW_SUMMARY_HEADER = "资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额"

/** Fen → "699.00". */
export const yuan = (fen: number) =>
  `${fen < 0 ? "-" : ""}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`

/** The 0.6% fee in yuan with five decimals (WeChat's precision), from fen without floats. */
const fee = (fen: number) => {
  const units = fen * 6 // 1e-5 yuan
  return `${Math.floor(units / 100000)}.${String(units % 100000).padStart(5, "0")}`
}

const row = (fields: (string | number)[]) => fields.map((field) => `\`${field}`).join(",")
const billTime = (rfc3339: string) => rfc3339.slice(0, 19).replace("T", " ")

export function tradeBillCsv(
  trades: BillTrade[],
  refunds: (BillRefund & { trade: BillTrade })[]
): string {
  const lines = [TRADE_HEADER]
  let feeUnits = 0
  for (const t of trades) {
    feeUnits += t.total * 6
    lines.push(
      row([
        billTime(t.success_time),
        t.appid,
        t.mchid,
        "0",
        "",
        t.transaction_id,
        t.out_trade_no,
        t.openid,
        t.trade_type,
        "SUCCESS",
        "OTHERS",
        "CNY",
        yuan(t.total),
        "0.00",
        "0",
        "0",
        "0.00",
        "0.00",
        "",
        "",
        t.description,
        t.attach,
        fee(t.total),
        "0.60%",
        yuan(t.total),
        "0.00",
        "",
      ])
    )
  }
  for (const r of refunds) {
    feeUnits -= r.refund * 6
    lines.push(
      row([
        billTime(r.time),
        r.trade.appid,
        r.trade.mchid,
        "0",
        "",
        r.trade.transaction_id,
        r.out_trade_no,
        r.trade.openid,
        r.trade.trade_type,
        "REFUND",
        "OTHERS",
        "CNY",
        "0.00",
        "0.00",
        r.refund_id,
        r.out_refund_no,
        yuan(r.refund),
        "0.00",
        "ORIGINAL",
        r.status,
        r.trade.description,
        r.trade.attach,
        `-${fee(r.refund)}`,
        "0.60%",
        "0.00",
        yuan(r.refund),
        "",
      ])
    )
  }
  const paid = trades.reduce((sum, t) => sum + t.total, 0)
  const refunded = refunds.reduce((sum, r) => sum + r.refund, 0)
  const feeTotal = `${feeUnits < 0 ? "-" : ""}${Math.floor(Math.abs(feeUnits) / 100000)}.${String(Math.round((Math.abs(feeUnits) % 100000) / 1000)).padStart(2, "0")}`
  lines.push(TRADE_SUMMARY_HEADER)
  lines.push(
    row([
      trades.length + refunds.length,
      yuan(paid),
      yuan(refunded),
      "0.00",
      feeTotal,
      yuan(paid),
      yuan(refunded),
    ])
  )
  return `${lines.join("\r\n")}\r\n`
}

export function fundflowBillCsv(
  trades: BillTrade[],
  refunds: (BillRefund & { trade: BillTrade })[]
): string {
  const entries = [
    ...trades.map((t) => ({
      time: t.success_time,
      id: t.transaction_id,
      amount: t.total,
      name: "交易",
      ref: t.out_trade_no,
    })),
    ...refunds.map((r) => ({
      time: r.time,
      id: r.refund_id,
      amount: -r.refund,
      name: "退款",
      ref: r.out_refund_no,
    })),
  ].sort((a, b) => a.time.localeCompare(b.time))
  const lines = [FUNDFLOW_HEADER]
  let balance = 0
  entries.forEach((entry, i) => {
    balance += entry.amount
    lines.push(
      row([
        billTime(entry.time),
        entry.id,
        `${entry.id}${String(i + 1).padStart(4, "0")}`,
        entry.name,
        entry.name,
        entry.amount >= 0 ? "收入" : "支出",
        yuan(Math.abs(entry.amount)),
        yuan(balance),
        "system",
        entry.name === "退款" ? "退款总金额" : "",
        entry.ref,
      ])
    )
  })
  const income = entries.filter((e) => e.amount >= 0)
  const spend = entries.filter((e) => e.amount < 0)
  lines.push(FUNDFLOW_SUMMARY_HEADER)
  lines.push(
    row([
      entries.length,
      income.length,
      yuan(income.reduce((s, e) => s + e.amount, 0)),
      spend.length,
      yuan(-spend.reduce((s, e) => s + e.amount, 0)),
    ])
  )
  return `${lines.join("\r\n")}\r\n`
}
