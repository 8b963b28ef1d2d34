"use client"

import { messages } from "@health/core"
import Link from "next/link"
import { usePathname } from "next/navigation"
import { useEffect, useState } from "react"
import { CartIcon } from "@/components/icons"
import { OfflineSupport } from "@/components/pwa/offline-support"
import { CART_CHANGED_EVENT } from "@/lib/cart-changed"
import type { SessionSummary } from "@/lib/session-summary"

/** Until the visitor's own figures arrive: the signed-out header, with the same shape. */
const UNKNOWN: SessionSummary & { known: boolean } = {
  signedIn: false,
  cartCount: 0,
  unread: 0,
  known: false,
}

async function readSummary(): Promise<SessionSummary | null> {
  try {
    const response = await fetch("/api/session/summary", { cache: "no-store" })
    return response.ok ? ((await response.json()) as SessionSummary) : null
  } catch {
    return null
  }
}

/**
 * The header's links that depend on who is visiting (消息中心 with its unread badge, 我的账户 or
 * 登录, the cart count). Read by the browser after every navigation and whenever the cart
 * changes, so the pages around it stay the same for everyone and are served from cache.
 */
export function HeaderPersonal() {
  const pathname = usePathname()
  const [summary, setSummary] = useState(UNKNOWN)

  useEffect(() => {
    let current = true
    const refresh = () =>
      void readSummary().then((next) => {
        if (current && next) setSummary({ ...next, known: true })
      })
    refresh()
    window.addEventListener(CART_CHANGED_EVENT, refresh)
    return () => {
      current = false
      window.removeEventListener(CART_CHANGED_EVENT, refresh)
    }
  }, [pathname])

  const { signedIn, cartCount, unread } = summary
  return (
    <>
      <OfflineSupport signedIn={summary.known ? signedIn : null} />
      {signedIn && (
        <Link
          href="/account/inbox"
          className="inbox-link"
          aria-label={
            unread ? `${messages.account.inbox}，${unread} 条未读` : messages.account.inbox
          }
        >
          {messages.account.inbox}
          {unread > 0 && (
            <span className="inbox-badge" data-testid="inbox-badge">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Link>
      )}
      <Link href={signedIn ? "/account" : "/account/sign-in"} className="account-link">
        {signedIn ? "我的账户" : "登录"}
      </Link>
      <Link
        href="/cart"
        className="cart-link"
        aria-label={`${messages.nav.cart}，${cartCount} 件商品`}
      >
        <CartIcon />
        <span className="cart-label">{messages.nav.cart}</span>
        <span
          className="cart-count"
          data-testid="cart-count"
          data-known={summary.known ? "true" : "false"}
        >
          {cartCount}
        </span>
      </Link>
    </>
  )
}
