import { Text, View } from "@tarojs/components"
import { formatCNY, messages, type Cart } from "@health/core"
import { DiscountLines } from "../../../components/discount-lines"
import type { OrderFen } from "../../../lib/place-order"

const yuan = (fen: number) => formatCNY(fen / 100)

/**
 * 商品合计, each promotion's discount (when the cart is given), 运费, 余额抵扣 and 应付金额 of
 * the order, before or after it is placed.
 */
export function OrderSummary({
  fen,
  testId,
  cart,
}: {
  fen: OrderFen
  testId: string
  cart?: Pick<Cart, "promotions" | "items" | "shipping_methods">
}) {
  return (
    <View data-testid={testId}>
      <View className="row">
        <Text>{messages.cart.subtotal}</Text>
        <Text data-testid="summary-subtotal">{yuan(fen.subtotal)}</Text>
      </View>
      {cart ? <DiscountLines cart={cart} /> : null}
      {!cart && fen.discount > 0 ? (
        <View className="row">
          <Text>优惠</Text>
          <Text data-testid="summary-discount">-{yuan(fen.discount)}</Text>
        </View>
      ) : null}
      <View className="row">
        <Text>运费</Text>
        <Text data-testid="summary-shipping">
          {fen.shipping === 0 ? "免运费" : yuan(fen.shipping)}
        </Text>
      </View>
      {fen.credit > 0 ? (
        <View className="row">
          <Text>余额抵扣</Text>
          <Text data-testid="summary-credit">-{yuan(fen.credit)}</Text>
        </View>
      ) : null}
      <View className="row">
        <Text>{messages.cart.total}</Text>
        <Text className="price" data-testid="summary-total">
          {yuan(fen.total)}
        </Text>
      </View>
    </View>
  )
}
