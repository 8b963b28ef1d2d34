import { NextResponse, type NextRequest } from "next/server"
import { checkout } from "@/lib/backends"
import { readToken } from "@/lib/session"

/**
 * Polled by the waiting page. Completing a cart is idempotent: an unpaid cart answers
 * "waiting", a paid one becomes (or already is) an order.
 */
export async function GET(request: NextRequest) {
  const cartId = request.nextUrl.searchParams.get("cart")
  if (!cartId || !/^cart_\w+$/.test(cartId)) {
    return NextResponse.json({ status: "invalid", message: "缺少购物车编号" }, { status: 400 })
  }
  try {
    const result = await checkout.complete(cartId, await readToken())
    if (result.type === "order") {
      const response = NextResponse.json({ status: "paid", order_id: result.order.id })
      response.cookies.delete("cart_id")
      return response
    }
    return NextResponse.json({ status: "waiting" })
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500
    if (status < 500) return NextResponse.json({ status: "waiting" })
    console.error("[checkout status]", error)
    return NextResponse.json({ status: "error", message: "网络繁忙，正在重试…" }, { status: 502 })
  }
}
