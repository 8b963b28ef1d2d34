import type { PaymentChannel } from "./payment-action.js"

/** Provider ids of the payment plugins (each plugin's own constant; repeated here for clients). */
export const PAYMENT_PROVIDER_IDS = {
  wechatpay: "pp_wechatpay_wechatpay",
  alipay: "pp_alipay_alipay",
  unionpay: "pp_unionpay_unionpay",
  /** Medusa's manual provider: bank transfer or cash, confirmed by finance (线下支付, 岳阳 only). */
  offline: "pp_system_default",
} as const

export type PaymentMethodKey = keyof typeof PAYMENT_PROVIDER_IDS

export const PAYMENT_METHOD_LABELS: Record<PaymentMethodKey, string> = {
  wechatpay: "微信支付",
  alipay: "支付宝",
  unionpay: "银联支付",
  offline: "线下支付",
}

/** Which online methods each place can pay with (issue #19, "the right methods in the right place"). */
const ONLINE_BY_CHANNEL: Record<PaymentChannel, PaymentMethodKey[]> = {
  miniprogram: ["wechatpay"],
  wechat_browser: ["wechatpay"],
  pc_browser: ["wechatpay", "alipay", "unionpay"],
  mobile_browser: ["wechatpay", "alipay", "unionpay"],
}

const INSIDE_WECHAT = "在微信内仅支持微信支付"

/** Why a method is not offered here, in the words the checkout page shows. */
export type PaymentMethodOffer =
  | { key: PaymentMethodKey; provider_id: string; label: string; offered: true }
  | { key: PaymentMethodKey; provider_id: string; label: string; offered: false; reason: string }

export type PaymentMethodContext = {
  channel: PaymentChannel
  /** Provider ids registered on the cart's region (Medusa's /store/payment-providers). */
  registered: readonly string[]
  /** Whether the 岳阳 rule allows offline payment for this cart (address city or chosen site). */
  offlineAllowed: boolean
}

/**
 * Every method with whether it is offered here and, when not, why: inside WeChat only WeChat
 * Pay; a provider the shop has not set up is not offered; offline only where the 岳阳 rule
 * allows. Store credit combines with any of them and is not a method here.
 */
export function paymentMethodsFor({
  channel,
  registered,
  offlineAllowed,
}: PaymentMethodContext): PaymentMethodOffer[] {
  const online = ONLINE_BY_CHANNEL[channel]
  const keys = Object.keys(PAYMENT_PROVIDER_IDS) as PaymentMethodKey[]
  return keys.map((key): PaymentMethodOffer => {
    const provider_id = PAYMENT_PROVIDER_IDS[key]
    const label = PAYMENT_METHOD_LABELS[key]
    const base = { key, provider_id, label }
    if (key === "offline") {
      if (!registered.includes(provider_id)) {
        return { ...base, offered: false, reason: "本店暂未开通线下支付" }
      }
      return offlineAllowed
        ? { ...base, offered: true }
        : { ...base, offered: false, reason: "线下支付仅限岳阳地区的订单" }
    }
    if (!online.includes(key)) return { ...base, offered: false, reason: INSIDE_WECHAT }
    if (!registered.includes(provider_id)) {
      return { ...base, offered: false, reason: `本店暂未开通${label}` }
    }
    return { ...base, offered: true }
  })
}

/** The provider ids a shopper may choose here (see paymentMethodsFor). */
export function allowedPaymentProviders(context: PaymentMethodContext): string[] {
  return paymentMethodsFor(context)
    .filter((offer) => offer.offered)
    .map((offer) => offer.provider_id)
}

/** How WeChat Pay is opened in each place: JSAPI inside WeChat, Native QR on PC, H5 on phones. */
export const WECHATPAY_CHANNEL_BY_PLACE: Record<PaymentChannel, "jsapi" | "native" | "h5"> = {
  miniprogram: "jsapi",
  wechat_browser: "jsapi",
  pc_browser: "native",
  mobile_browser: "h5",
}
