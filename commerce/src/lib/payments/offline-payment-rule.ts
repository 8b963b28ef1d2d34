/** Medusa's manual provider, which this shop uses for bank transfer and cash (线下支付). */
export const OFFLINE_PAYMENT_PROVIDER = "pp_system_default"

type CartForOfflineCheck = {
  shipping_address?: { city?: string | null; province?: string | null } | null
  payment_collection?: {
    payment_sessions?: { provider_id: string; status?: string }[] | null
  } | null
}

export const OFFLINE_PAYMENT_REFUSAL = "线下支付仅限岳阳地区的订单，请选择微信支付"

const inYueyang = (city: string | null | undefined) => /岳阳/.test(city ?? "")

/** Whether the cart is to be paid offline (a live session of the manual provider). */
export function paysOffline(cart: CartForOfflineCheck): boolean {
  const sessions = cart.payment_collection?.payment_sessions ?? []
  return sessions.some(
    (session) => session.provider_id === OFFLINE_PAYMENT_PROVIDER && session.status !== "canceled"
  )
}

/**
 * Offline payment is only for customers in 岳阳 (Yueyang), where staff can confirm a
 * transfer or take cash at a collection site: the shipping address is in 岳阳, or any
 * collection site chosen for 现场采集 is (`collectionSiteCities`, from the CMS; one per
 * site when lines chose different ones). Everyone else pays online. Returns why a cart may
 * not be completed, or null when it may.
 */
export function offlinePaymentRefusal(
  cart: CartForOfflineCheck,
  collectionSiteCities: string | null | (string | null)[] = null
): string | null {
  if (!paysOffline(cart)) return null
  const cities = Array.isArray(collectionSiteCities) ? collectionSiteCities : [collectionSiteCities]
  if (inYueyang(cart.shipping_address?.city) || cities.some(inYueyang)) return null
  return OFFLINE_PAYMENT_REFUSAL
}
