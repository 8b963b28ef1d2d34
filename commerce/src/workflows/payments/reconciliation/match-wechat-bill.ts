import type { WechatTradeBillLine } from "@health/medusa-plugin-wechatpay"
import {
  matchProviderBill,
  type BillMatch,
  type OurPayment,
  type ProviderBillLine,
} from "./match-provider-bill"

export type {
  BillDifference,
  BillMatch,
  DifferenceKind,
  OurPayment,
  OurRefund,
} from "./match-provider-bill"

/** WeChat's trade bill lines in common terms: REFUND rows are refunds, the rest payments. */
export function wechatBillLines(lines: WechatTradeBillLine[]): ProviderBillLine[] {
  return lines.map((line) =>
    line.trade_state === "REFUND"
      ? {
          subject: "refund",
          out_trade_no: line.out_trade_no,
          out_refund_no: line.out_refund_no || null,
          transaction_id: line.transaction_id || null,
          amount: line.refund,
          status: line.refund_status,
        }
      : {
          subject: "payment",
          out_trade_no: line.out_trade_no,
          out_refund_no: null,
          transaction_id: line.transaction_id || null,
          amount: line.settlement_total,
          status: line.trade_state,
        }
  )
}

/** WeChat Pay's bill, line by line, by out_trade_no and out_refund_no. */
export function matchWechatBill(lines: WechatTradeBillLine[], ours: OurPayment[]): BillMatch {
  return matchProviderBill(wechatBillLines(lines), ours)
}
