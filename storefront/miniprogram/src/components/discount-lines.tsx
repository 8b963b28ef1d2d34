import { Text, View } from "@tarojs/components"
import { cartDiscounts, formatCNY, type Cart } from "@health/core"

/** Each promotion's discount from Medusa's adjustments: 优惠码 typed, 优惠活动 automatic. */
export function DiscountLines({
  cart,
}: {
  cart: Pick<Cart, "promotions" | "items" | "shipping_methods">
}) {
  return (
    <>
      {cartDiscounts(cart).map((discount) => (
        <View key={discount.code} className="row" data-testid="summary-discount">
          <Text>
            {discount.automatic ? "优惠活动" : "优惠码"} {discount.code}
          </Text>
          <Text className="price">-{formatCNY(discount.amountFen / 100)}</Text>
        </View>
      ))}
    </>
  )
}
