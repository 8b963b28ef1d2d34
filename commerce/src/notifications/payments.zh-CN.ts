import { formatCny } from "../lib/format-cny"
import type { MemberNotice } from "./member-notice"

/** The inbox title, and the reason WeChat Pay shows the buyer with the refund. */
export const UNPLACED_REFUND_TITLE = "订单未能生成，已原路退款"

export type UnplacedRefundData = {
  out_refund_no: string
  /** Fen. */
  amount: number
  /** Why the cart could not become an order, as the member may read it. */
  reason: string
  /** The payment method's name (微信支付, 支付宝, 银联支付); 微信支付 when not given. */
  method?: string
}

/** An online payment whose cart never became an order was refunded (template `unplaced-refund`). */
export function unplacedRefundNotice(data: UnplacedRefundData): MemberNotice {
  const key = `wechatpay-unplaced-refund:${data.out_refund_no}`
  return {
    template: "unplaced-refund",
    key,
    feed: {
      category: "order",
      title: UNPLACED_REFUND_TITLE,
      body: `您通过${data.method ?? "微信支付"}的 ${formatCny(data.amount / 100)} 未能生成订单（${data.reason}），款项已原路退回，通常 1–3 个工作日到账。如需购买请重新下单。`,
      link: "/cart",
      dedupe_key: key,
    },
  }
}
