import { cartDiscounts, formatCNY, messages, type Cart } from "@health/core"

/**
 * 商品合计, each promotion's discount and 应付金额, all from Medusa's totals (never worked out
 * here): typed codes as 优惠码, automatic promotions as 优惠活动.
 */
export function CartTotals({ cart, subtotal }: { cart: Cart; subtotal: number | string }) {
  const discounts = cartDiscounts(cart)
  return (
    <dl className="cart-totals" data-testid="cart-totals">
      <div>
        <dt>{messages.cart.subtotal}</dt>
        <dd>{formatCNY(subtotal)}</dd>
      </div>
      {discounts.map((discount) => (
        <div key={discount.code} className="discount" data-testid="cart-discount">
          <dt>
            {discount.automatic ? "优惠活动" : "优惠码"} {discount.code}
          </dt>
          <dd>−{formatCNY(discount.amountFen / 100)}</dd>
        </div>
      ))}
      {discounts.length === 0 && Number(cart.discount_total ?? 0) > 0 && (
        <div className="discount" data-testid="cart-discount">
          <dt>优惠</dt>
          <dd>−{formatCNY(cart.discount_total)}</dd>
        </div>
      )}
      <div className="total">
        <dt>{messages.cart.total}</dt>
        <dd>
          <strong className="price">{formatCNY(cart.total ?? subtotal)}</strong>
        </dd>
      </div>
    </dl>
  )
}
