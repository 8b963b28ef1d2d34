import type { WechatFullRefund } from "@health/medusa-plugin-wechatpay/workflows"

/** Kept on the payment (session) and the cart: what was given back, and why. */
export type UnplacedRefund = WechatFullRefund & {
  /** Fen. */
  amount: number
  reason: string
  refunded_at: string
  /** The payment's provider; absent on WeChat Pay's records made before the others existed. */
  provider_id?: string
}
