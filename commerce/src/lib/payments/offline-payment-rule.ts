/** Medusa's manual provider, which this shop uses for bank transfer and cash (线下支付). */
export const OFFLINE_PAYMENT_PROVIDER = "pp_system_default"

type CartForOfflineCheck = {
  shipping_address?: { city?: string | null; province?: string | null } | null
  payment_collection?: {
    payment_sessions?: { provider_id: string; status?: string }[] | null
  } | null
}

/**
 * Offline payment is only for customers in 岳阳 (Yueyang), where staff can confirm a
 * transfer or take cash at a collection site; everyone else pays online. Returns why a
 * cart may not be completed, or null when it may.
 */
export function offlinePaymentRefusal(cart: CartForOfflineCheck): string | null {
  const sessions = cart.payment_collection?.payment_sessions ?? []
  const offline = sessions.some(
    (session) => session.provider_id === OFFLINE_PAYMENT_PROVIDER && session.status !== "canceled"
  )
  if (!offline) return null
  const city = cart.shipping_address?.city ?? ""
  if (/岳阳/.test(city)) return null
  return "线下支付仅限岳阳地区的订单，请选择微信支付"
}
