"use client"

import { useEffect, useState } from "react"

/**
 * Asks every 2 seconds what became of the payment (commerce completes the order on the
 * provider's notification), then shows the order; stops when it was refunded or expired.
 */
export function PaymentWaiter({ cartId, expiresAt }: { cartId: string; expiresAt?: string }) {
  const [message, setMessage] = useState("等待支付结果…")
  const [ended, setEnded] = useState<"refunded" | "expired" | null>(null)
  const [left, setLeft] = useState<number | null>(null)

  useEffect(() => {
    let stopped = false
    const tick = async () => {
      if (stopped) return
      try {
        const response = await fetch(`/checkout/status?cart=${encodeURIComponent(cartId)}`, {
          cache: "no-store",
        })
        const body = (await response.json()) as {
          status: string
          order_id?: string
          order_token?: string
          message?: string
        }
        if (body.status === "paid" && body.order_id) {
          setMessage("支付成功，正在跳转…")
          // A full load, so the header's cart count drops to zero as well.
          // A guest's order opens only with the token the checkout answered.
          const token = body.order_token ? `?token=${encodeURIComponent(body.order_token)}` : ""
          window.location.replace(`/checkout/done/${body.order_id}${token}`)
          return
        }
        if (body.message) setMessage(body.message)
        if (body.status === "refunded" || body.status === "expired") {
          setEnded(body.status)
          return
        }
      } catch {
        setMessage("网络不稳定，正在重试…")
      }
      setTimeout(tick, 2000)
    }
    tick()
    return () => {
      stopped = true
    }
  }, [cartId])

  useEffect(() => {
    if (!expiresAt) return
    const update = () =>
      setLeft(Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000)))
    update()
    const timer = setInterval(update, 1000)
    return () => clearInterval(timer)
  }, [expiresAt])

  if (ended) {
    return (
      <div className="notice error" role="alert" data-testid={`payment-${ended}`}>
        <p>{message}</p>
        <a className="button" href="/cart">
          返回购物车
        </a>
      </div>
    )
  }

  return (
    <div className="waiter" role="status" data-testid="payment-waiter">
      <span className="spinner" aria-hidden />
      <span>{message}</span>
      {left !== null && (
        <span className="muted">
          {left > 0
            ? ` · 剩余 ${Math.floor(left / 60)} 分 ${String(left % 60).padStart(2, "0")} 秒`
            : " · 支付已超时，请返回购物车重新下单"}
        </span>
      )}
    </div>
  )
}
