import { messages } from "@health/core"
import Link from "next/link"
import { SearchBox } from "@/components/search/search-box"
import { HeaderPersonal } from "./header-personal"

/**
 * Site header. The same for every visitor, so pages around it can be served from cache; the
 * links that depend on the visitor (inbox, account, cart count) are read in the browser.
 */
export function Header() {
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
          <Link href="/constitution">{messages.nav.constitution}</Link>
          <Link href="/escort">{messages.nav.escort}</Link>
          <Link href="/articles">{messages.nav.articles}</Link>
          <Link href="/sites">{messages.nav.sites}</Link>
        </nav>
        <SearchBox />
        <HeaderPersonal />
      </div>
    </header>
  )
}
