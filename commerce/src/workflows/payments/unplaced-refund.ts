/**
 * A whole trade given back because its cart could not become an order, as each payment
 * plugin's refund-in-full workflow answers (WeChat Pay's, Alipay's, UnionPay's shapes agree).
 */
export type ProviderFullRefund = {
  out_trade_no: string
  /** The merchant's number for the refund (WeChat's out_refund_no, Alipay's out_request_no, UnionPay's refund orderId). */
  out_refund_no: string
  /** The provider's own id of the refund, when it gives one. */
  refund_id: string | null
  /** NOT_ENOUGH: an earlier refund had already given the money back. */
  status: "SUCCESS" | "CLOSED" | "PROCESSING" | "ABNORMAL" | "NOT_ENOUGH"
}

/** Kept on the payment (session) and the cart: what was given back, and why. */
export type UnplacedRefund = ProviderFullRefund & {
  /** Fen. */
  amount: number
  reason: string
  refunded_at: string
  /** The payment's provider; absent on WeChat Pay's records made before the others existed. */
  provider_id?: string
}
