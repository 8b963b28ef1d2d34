import Taro from "@tarojs/taro"
import type { WechatPaymentData } from "@health/core"
import { checkout } from "./clients"
import { isWeapp } from "./config"

/**
 * Opens the WeChat Pay session for the cart on the channel this runtime can pay with: JSAPI in
 * the mini-program (needs the member's openid), H5 (a WeChat page) in a mobile browser.
 */
export function startPayment(cartId: string, token: string, openid?: string) {
  if (isWeapp()) {
    if (!openid) throw new Error("请先用微信登录后再支付")
    return checkout.startWechatPayment(cartId, "jsapi", { openid }, token)
  }
  return checkout.startWechatPayment(cartId, "h5", {}, token)
}

/** wx.requestPayment with the provider's complete JSAPI parameter set. */
export async function requestWechatPayment(payment: WechatPaymentData): Promise<void> {
  const params = payment.request_payment
  if (!params) throw new Error("支付参数缺失，请重试")
  await Taro.requestPayment({
    timeStamp: params.timeStamp,
    nonceStr: params.nonceStr,
    package: params.package,
    signType: params.signType as "RSA",
    paySign: params.paySign,
  })
}
