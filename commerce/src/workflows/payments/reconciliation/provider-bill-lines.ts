import type { AlipayBillLine } from "@health/medusa-plugin-alipay"
import type { UnionpayBillLine } from "@health/medusa-plugin-unionpay"
import type { ProviderBillLine } from "./match-provider-bill"

/**
 * Alipay's 业务明细 in common terms: 交易 lines are payments received, 退款 lines refunds
 * given back (Alipay lists only refunds that succeeded), each by the merchant's numbers.
 */
export function alipayBillLines(lines: AlipayBillLine[]): ProviderBillLine[] {
  return lines.map((line) => ({
    subject: line.kind,
    out_trade_no: line.out_trade_no,
    out_refund_no: line.kind === "refund" ? line.out_request_no || null : null,
    transaction_id: line.trade_no || null,
    amount: line.amount,
    status: "SUCCESS",
  }))
}

/**
 * UnionPay's 流水文件 in common terms: a consumption is a payment; a 退货 or 消费撤销 names
 * its consumption by 原始交易订单号 and is a refund under its own orderId. The file lists
 * only what cleared.
 */
export function unionpayBillLines(lines: UnionpayBillLine[]): ProviderBillLine[] {
  return lines.map((line) =>
    line.kind === "payment"
      ? {
          subject: "payment",
          out_trade_no: line.order_id,
          out_refund_no: null,
          transaction_id: line.query_id || null,
          amount: line.amount,
          status: "SUCCESS",
        }
      : {
          subject: "refund",
          out_trade_no: line.orig_order_id,
          out_refund_no: line.order_id,
          transaction_id: line.query_id || null,
          amount: line.amount,
          status: "SUCCESS",
        }
  )
}
