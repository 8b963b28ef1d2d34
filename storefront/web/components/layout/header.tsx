import { CartIcon } from "@/components/icons"
import { messages } from "@health/core"
import Link from "next/link"
import { currentCart } from "@/lib/current-cart"
import { readToken } from "@/lib/session"

/** Site header with the cart count, read fresh on every request (carts are never cached). */
export async function Header() {
  const cart = await currentCart()
  const count = (cart?.items ?? []).reduce((sum, item) => sum + item.quantity, 0)
  const signedIn = Boolean(await readToken())
  return (
    <header className="site-header">
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
          <Link href="/articles">{messages.nav.articles}</Link>
          <Link href="/sites">{messages.nav.sites}</Link>
        </nav>
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
