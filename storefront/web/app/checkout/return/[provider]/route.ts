import { NextResponse, type NextRequest } from "next/server"
import { publicOrigin } from "@/lib/public-origin"
import { PAYMENT_COOKIE } from "../../pay/payment-cookie"

/** The browser cashiers that send the shopper back here (ALIPAY_RETURN_URL, UNIONPAY_FRONT_URL). */
const CASHIERS = new Set(["alipay", "unionpay"])

const CART_ID = /^cart_\w+$/

type Params = { params: Promise<{ provider: string }> }

/** The cart of the payment this browser opened last (the pay page's cookie), if any. */
function openCart(request: NextRequest): string | null {
  const raw = request.cookies.get(PAYMENT_COOKIE)?.value
  if (!raw) return null
  try {
    const cartId = (JSON.parse(raw) as { cart_id?: unknown })?.cart_id
    return typeof cartId === "string" && CART_ID.test(cartId) ? cartId : null
  } catch {
    return null
  }
}

const seeOther = (path: string) => NextResponse.redirect(new URL(path, publicOrigin()), 303)

/**
 * The shopper back from Alipay's cashier (a GET to return_url with its signed query) or from
 * UnionPay's (a form POST to frontUrl): on to the waiting page of that cart, which polls the
 * payment status. Nothing here is trusted or completed: the verified notification and the
 * payments sweep place the order, so the return's fields are not even read.
 */
async function back(request: NextRequest, { params }: Params) {
  const { provider } = await params
  if (!CASHIERS.has(provider)) return seeOther("/cart")
  const asked = request.nextUrl.searchParams.get("cart")
  const cartId = asked && CART_ID.test(asked) ? asked : openCart(request)
  // `returned`: the pay page only waits, and does not post the cashier form at once again.
  if (cartId) return seeOther(`/checkout/pay?cart=${cartId}&returned=1`)
  // UnionPay's POST comes from its site, which carries no SameSite=Lax cookie; the GET this
  // answer turns it into is a top-level navigation, which does.
  if (request.method === "POST") return seeOther(`/checkout/return/${provider}`)
  return seeOther("/cart")
}

export const GET = back
export const POST = back
