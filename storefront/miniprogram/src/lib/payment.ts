import Taro from "@tarojs/taro"
import type { PaymentAction } from "@health/core"
import { checkout } from "./clients"

/** wx.requestPayment with the provider's complete JSAPI parameter set. */
export async function requestWechatPayment(action: PaymentAction): Promise<void> {
  if (action.kind !== "jsapi") throw new Error("支付参数缺失，请重试")
  const { params } = action
  await Taro.requestPayment({
    timeStamp: params.timeStamp,
    nonceStr: params.nonceStr,
    package: params.package,
    signType: params.signType,
    paySign: params.paySign,
  })
}

export type PaidOutcome =
  | { status: "paid"; order: { id: string; display_id: number } }
  | { status: "waiting" }
  | { status: "ended"; message: string }

/**
 * Asks commerce what became of the payment (it completes the order on WeChat's verified
 * notification; nothing is completed from here), `attempts` times 1.5 s apart while waiting.
 */
export async function paymentOutcome(
  cartId: string,
  token: string,
  attempts: number
): Promise<PaidOutcome> {
  for (let attempt = 1; ; attempt++) {
    const status = await checkout.paymentStatus(cartId, token)
    if (status.status === "paid" && status.order) return { status: "paid", order: status.order }
    if (status.status === "refunded") {
      const yuan = ((status.refund?.amount_fen ?? 0) / 100).toFixed(2)
      return { status: "ended", message: `订单未能生成，已原路退款 ¥${yuan}，请返回购物车重新下单` }
    }
    if (status.status === "expired") {
      return { status: "ended", message: "支付已超时，请返回购物车重新下单" }
    }
    if (attempt >= attempts) return { status: "waiting" }
    await new Promise((resolve) => setTimeout(resolve, 1500))
  }
}
