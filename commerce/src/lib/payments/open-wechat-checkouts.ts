import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"

export type CartWithSessions = {
  id: string
  completed_at?: string | Date | null
  items?: { title?: string | null; product_title?: string | null }[] | null
  payment_collection?: {
    payment_sessions?: {
      provider_id: string
      status: string
      amount: number | string | { valueOf(): number | string }
      data?: { time_expire?: string } | null
    }[]
  } | null
}

export type OpenWechatCheckout = {
  cart_id: string
  /** Yuan, as every store amount. */
  amount: number
  titles: string[]
  time_expire: string
}

/**
 * The carts whose WeChat payment can still be paid: a pending session whose WeChat order
 * has not expired (an expired one can only be submitted again, from the cart).
 */
export function openWechatCheckouts(carts: CartWithSessions[], now = new Date()) {
  const open: OpenWechatCheckout[] = []
  for (const cart of carts) {
    if (cart.completed_at) continue
    const session = cart.payment_collection?.payment_sessions?.find(
      (s) => s.provider_id === WECHATPAY_PROVIDER_ID && s.status === "pending"
    )
    const expires = Date.parse(session?.data?.time_expire ?? "")
    if (!session || !Number.isFinite(expires) || expires <= now.getTime()) continue
    open.push({
      cart_id: cart.id,
      amount: Number(session.amount.valueOf()),
      titles: (cart.items ?? []).map((item) => item.product_title ?? item.title ?? ""),
      time_expire: session.data!.time_expire!,
    })
  }
  return open
}
