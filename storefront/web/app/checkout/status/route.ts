import { formatCNY } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { checkout } from "@/lib/backends"
import { readToken } from "@/lib/session"

const REFUNDED = "订单未能生成，已原路退款"

/**
 * Polled by the waiting page: what commerce says became of the payment, read without
 * completing anything (the provider's verified notification and the payments sweep do that).
 * Paid: the order (and, for a guest, the token that opens it); refunded: how much and why;
 * expired: the shopper starts again from the cart.
 */
export async function GET(request: NextRequest) {
  const cartId = request.nextUrl.searchParams.get("cart")
  if (!cartId || !/^cart_\w+$/.test(cartId)) {
    return NextResponse.json({ status: "invalid", message: "缺少购物车编号" }, { status: 400 })
  }
  try {
    const outcome = await checkout.paymentStatus(cartId, await readToken())
    if (outcome.status === "paid" && outcome.order) {
      const response = NextResponse.json({
        status: "paid",
        order_id: outcome.order.id,
        order_token: outcome.order_access_token,
      })
      response.cookies.delete("cart_id")
      return response
    }
    if (outcome.status === "refunded") {
      const refund = outcome.refund
      const reason = refund?.reason && refund.reason !== REFUNDED ? `（${refund.reason}）` : ""
      const response = NextResponse.json({
        status: "refunded",
        message: `${REFUNDED} ${formatCNY((refund?.amount_fen ?? 0) / 100)}${reason}，请返回购物车重新下单`,
      })
      response.cookies.delete("cart_id")
      return response
    }
    if (outcome.status === "expired") {
      return NextResponse.json({
        status: "expired",
        message: "支付已超时，请返回购物车重新下单",
      })
    }
    return NextResponse.json({ status: "waiting" })
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500
    if (status < 500) {
      return NextResponse.json({ status: "invalid", message: "找不到这笔支付，请返回购物车" })
    }
    console.error("[checkout status]", error)
    return NextResponse.json({ status: "error", message: "网络繁忙，正在重试…" }, { status: 502 })
  }
}
