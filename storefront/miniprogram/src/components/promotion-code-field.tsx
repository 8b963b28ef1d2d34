import { Button, Input, Text, View } from "@tarojs/components"
import { typedPromotionCodes, type Cart } from "@health/core"
import { useState } from "react"
import { promotions } from "../lib/clients"
import { explainError } from "../lib/explain-error"

type Props = {
  cart: Cart
  token?: string
  /** The cart as Medusa answered after the change (totals and promotions recomputed). */
  onCart: (cart: Cart) => void
}

/** 优惠码 in the cart and the checkout: apply, see why a code does not apply, take it off. */
export function PromotionCodeField({ cart, token, onCart }: Props) {
  const [code, setCode] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function run(action: () => Promise<Cart | string>) {
    setBusy(true)
    setProblem(null)
    try {
      const answer = await action()
      if (typeof answer === "string") setProblem(answer)
      else onCart(answer)
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  const apply = () =>
    run(async () => {
      const outcome = await promotions.applyCode(cart.id, code, token)
      if (!outcome.applied) return outcome.message
      setCode("")
      return outcome.cart
    })

  return (
    <View className="section" data-testid="promotion-code">
      <Text className="section__title">优惠码</Text>
      <View className="row">
        <Input
          value={code}
          placeholder="输入优惠码"
          maxlength={64}
          data-testid="promotion-input"
          onInput={(event) => setCode(event.detail.value)}
        />
        <Button size="mini" disabled={busy} data-testid="promotion-apply" onClick={apply}>
          使用
        </Button>
      </View>
      {problem ? (
        <Text className="error-text" data-testid="promotion-error">
          {problem}
        </Text>
      ) : null}
      {typedPromotionCodes(cart).map((applied) => (
        <View key={applied} className="row" data-testid="promotion-applied">
          <Text>已使用 {applied}</Text>
          <Button
            size="mini"
            disabled={busy}
            onClick={() => run(() => promotions.removeCode(cart.id, applied, token))}
          >
            移除
          </Button>
        </View>
      ))}
    </View>
  )
}
