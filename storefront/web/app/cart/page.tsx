import { EmptyIcon } from "@/components/icons"
import { formatCNY, messages, sumCNY, typedPromotionCodes } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { CartLineControls } from "@/components/cart/cart-line-controls"
import { CartTotals } from "@/components/cart/cart-totals"
import { PromotionCodeField } from "@/components/cart/promotion-code-field"
import { currentCart } from "@/lib/current-cart"

export const metadata: Metadata = { title: "购物车" }

export default async function CartPage() {
  const cart = await currentCart()
  const items = cart?.items ?? []
  if (!cart || !items.length) {
    return (
      <section className="empty-state">
        <EmptyIcon kind="cart" />
        <h1>{messages.cart.empty}</h1>
        <Link href="/products" className="button primary">
          {messages.cart.browse}
        </Link>
      </section>
    )
  }
  const subtotal = cart.item_subtotal ?? sumCNY(items.map((item) => item.subtotal ?? 0))

  return (
    <section>
      <h1>{messages.cart.title}</h1>
      <ul className="cart-lines">
        {items.map((item) => (
          <li key={item.id} className="cart-line" data-testid="cart-line">
            {item.thumbnail && (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={item.thumbnail} alt="" className="cart-thumb" />
            )}
            <div className="cart-line-body">
              <Link href={`/products/${item.product_handle ?? ""}`} className="cart-line-title">
                {item.product_title ?? item.title}
              </Link>
              <p className="muted">{item.variant_title}</p>
              <p className="price">{formatCNY(item.unit_price)}</p>
              <CartLineControls lineId={item.id} quantity={item.quantity} />
            </div>
          </li>
        ))}
      </ul>
      <div className="cart-summary">
        <PromotionCodeField applied={typedPromotionCodes(cart)} />
        <CartTotals cart={cart} subtotal={subtotal} />
        <Link href="/checkout" className="button primary block" data-testid="go-checkout">
          {messages.cart.checkout}
        </Link>
      </div>
    </section>
  )
}
