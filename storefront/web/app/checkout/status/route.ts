import { formatCNY } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { checkout } from "@/lib/backends"
import { readToken } from "@/lib/session"

/** What commerce writes on a cart whose WeChat payment it refunded because no order came of it. */
type UnplacedRefund = { amount: number; reason?: string }

/** "refunded" once commerce gave the money back, else "waiting" for WeChat. */
async function notPaidYet(cartId: string, token: string | undefined) {
  const { cart } = await checkout.wechatSession(cartId, token).catch(() => ({ cart: null }))
  const refund = cart?.metadata?.wechatpay_unplaced_refund as UnplacedRefund | undefined
  if (!refund) return NextResponse.json({ status: "waiting" })
  const reason = refund.reason && refund.reason !== REFUNDED ? `（${refund.reason}）` : ""
  const response = NextResponse.json({
    status: "refunded",
    message: `${REFUNDED} ${formatCNY(refund.amount / 100)}${reason}，请返回购物车重新下单`,
  })
  response.cookies.delete("cart_id")
  return response
}

const REFUNDED = "订单未能生成，已原路退款"

/**
 * Polled by the waiting page. Completing a cart is idempotent: an unpaid cart answers
 * "waiting", a paid one becomes (or already is) an order, and a paid one that could not
 * become an order (commerce refunded it) answers "refunded" so the page stops waiting.
 */
export async function GET(request: NextRequest) {
  const cartId = request.nextUrl.searchParams.get("cart")
  if (!cartId || !/^cart_\w+$/.test(cartId)) {
    return NextResponse.json({ status: "invalid", message: "缺少购物车编号" }, { status: 400 })
  }
  try {
    const token = await readToken()
    const result = await checkout.complete(cartId, token)
    if (result.type === "order") {
      // The token lets a guest open the confirmation page (commerce shows orders to nobody else).
      const response = NextResponse.json({
        status: "paid",
        order_id: result.order.id,
        order_token: result.order_access_token,
      })
      response.cookies.delete("cart_id")
      return response
    }
    return notPaidYet(cartId, token)
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500
    if (status < 500) return notPaidYet(cartId, await readToken())
    console.error("[checkout status]", error)
    return NextResponse.json({ status: "error", message: "网络繁忙，正在重试…" }, { status: 502 })
  }
}
