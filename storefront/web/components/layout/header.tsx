import { CartIcon } from "@/components/icons"
import { OfflineSupport } from "@/components/pwa/offline-support"
import { SearchBox } from "@/components/search/search-box"
import { messages } from "@health/core"
import Link from "next/link"
import { inbox } from "@/lib/backends"
import { currentCart } from "@/lib/current-cart"
import { readToken } from "@/lib/session"

/** Unread 消息中心 messages; the header never fails because the inbox cannot be read. */
async function unreadCount(token: string | undefined): Promise<number> {
  if (!token) return 0
  return inbox.unreadCount(token).catch(() => 0)
}

/** Site header with the cart count, read fresh on every request (carts are never cached). */
export async function Header() {
  const cart = await currentCart()
  const count = (cart?.items ?? []).reduce((sum, item) => sum + item.quantity, 0)
  const token = await readToken()
  const signedIn = Boolean(token)
  const unread = await unreadCount(token)
  return (
    <header className="site-header">
      <OfflineSupport signedIn={signedIn} />
      <div className="container header-inner">
        <Link href="/" className="logo">
          <span className="logo-mark" aria-hidden>
            ◆
          </span>
          {messages.brand}
        </Link>
        <nav className="main-nav" aria-label="主导航">
          <Link href="/">{messages.nav.home}</Link>
          <Link href="/products">{messages.nav.products}</Link>
          <Link href="/constitution">{messages.nav.constitution}</Link>
          <Link href="/escort">{messages.nav.escort}</Link>
          <Link href="/articles">{messages.nav.articles}</Link>
          <Link href="/sites">{messages.nav.sites}</Link>
        </nav>
        <SearchBox />
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
          aria-label={`${messages.nav.cart}，${count} 件商品`}
        >
          <CartIcon />
          <span className="cart-label">{messages.nav.cart}</span>
          <span className="cart-count" data-testid="cart-count">
            {count}
          </span>
        </Link>
      </div>
    </header>
  )
}
