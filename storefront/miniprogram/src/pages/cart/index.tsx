import { Button, Text, View } from "@tarojs/components"
import { useDidShow } from "@tarojs/taro"
import { messages, type Cart } from "@health/core"
import { useState } from "react"
import { DiscountLines } from "../../components/discount-lines"
import { Price } from "../../components/price"
import { PromotionCodeField } from "../../components/promotion-code-field"
import { StateView } from "../../components/state-view"
import { currentCart } from "../../lib/cart"
import { commerce } from "../../lib/clients"
import { explainError } from "../../lib/explain-error"
import { go, routes } from "../../lib/navigate"
import { session } from "../../lib/session"
import { useLoad } from "../../lib/use-load"

export default function CartPage() {
  const { result, reload } = useLoad(() => currentCart())
  // A tab page stays mounted: refresh whenever it comes back into view.
  useDidShow(() => reload())
  const [problem, setProblem] = useState<string | null>(null)

  async function change(cart: Cart, lineId: string, quantity: number) {
    setProblem(null)
    try {
      const token = session.token()
      if (quantity <= 0) await commerce.deleteLineItem(cart.id, lineId, token)
      else await commerce.updateLineItem(cart.id, lineId, quantity, token)
      reload()
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  function checkout() {
    // Orders belong to members: sign in first, then come back to checkout.
    go(session.token() ? routes.checkout : routes.login(routes.checkout))
  }

  return (
    <View className="page" data-testid="cart">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(cart) => !cart || cart.items.length === 0}
        empty={
          <View>
            <Text>{messages.cart.empty}</Text>
            <Button size="mini" onClick={() => go(routes.products())}>
              {messages.cart.browse}
            </Button>
          </View>
        }
      >
        {(cart) => (
          <View>
            {cart!.items.map((line) => (
              <View key={line.id} className="section" data-testid="cart-line">
                <Text className="section__title">{line.product_title ?? line.title}</Text>
                {line.variant_title ? <Text className="muted">{line.variant_title}</Text> : null}
                <View className="row">
                  <Price amount={line.unit_price} />
                  <View className="row">
                    <Button size="mini" onClick={() => change(cart!, line.id, line.quantity - 1)}>
                      －
                    </Button>
                    <Text data-testid="line-quantity">{line.quantity}</Text>
                    <Button size="mini" onClick={() => change(cart!, line.id, line.quantity + 1)}>
                      ＋
                    </Button>
                  </View>
                </View>
              </View>
            ))}
            {problem ? <Text className="error-text">{problem}</Text> : null}
            <PromotionCodeField cart={cart!} token={session.token()} onCart={() => reload()} />
            <View className="section">
              <View className="row">
                <Text>{messages.cart.subtotal}</Text>
                <Price amount={cart!.item_subtotal ?? cart!.subtotal} testId="cart-subtotal" />
              </View>
              <DiscountLines cart={cart!} />
              <View className="row">
                <Text>{messages.cart.total}</Text>
                <Price amount={cart!.total ?? cart!.item_subtotal} testId="cart-total" />
              </View>
            </View>
            <Button className="btn-primary" data-testid="go-checkout" onClick={checkout}>
              {messages.cart.checkout}
            </Button>
          </View>
        )}
      </StateView>
    </View>
  )
}
