import { Button, Image, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import { cheapestVariant, findVariant, messages, optionsOf, type Product } from "@health/core"
import { useEffect, useState } from "react"
import { Price } from "../../components/price"
import { StateView } from "../../components/state-view"
import { WechatKfButton } from "../../components/wechat-kf-button"
import { addToCart, currentRegion } from "../../lib/cart"
import { commerce } from "../../lib/clients"
import { explainError } from "../../lib/explain-error"
import { go, routes } from "../../lib/navigate"
import { rememberReferral } from "../../lib/referral"
import { useReferralShare } from "../../lib/share"
import { useLoad } from "../../lib/use-load"

export default function ProductPage() {
  const { params } = useRouter()
  const handle = params?.handle ?? ""
  useEffect(() => {
    rememberReferral(params)
  }, [params])
  const { result, reload } = useLoad(async () => {
    const region = await currentRegion()
    return commerce.getProduct(handle, region.id)
  }, [handle])
  const title = result.state === "ready" && result.data ? result.data.title : messages.brand
  useReferralShare(title, routes.product(handle), `handle=${encodeURIComponent(handle)}`)

  return (
    <View className="page" data-testid="product">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(p) => !p}
        empty={<Text>{messages.errors.notFound}</Text>}
      >
        {(product) => <ProductDetail product={product!} />}
      </StateView>
    </View>
  )
}

function ProductDetail({ product }: { product: Product }) {
  // The cheapest, as on the web: the page opens on the price the card advertised ("起").
  const first = cheapestVariant(product.variants)
  const [chosen, setChosen] = useState<Record<string, string>>(first ? optionsOf(first) : {})
  const [adding, setAdding] = useState(false)
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const variant =
    findVariant(product, chosen) ?? (product.variants?.length === 1 ? first : undefined)

  async function add() {
    if (!variant) {
      setNotice({ ok: false, text: messages.product.chooseVariant })
      return
    }
    setAdding(true)
    setNotice(null)
    try {
      await addToCart(variant.id)
      setNotice({ ok: true, text: messages.product.added })
      Taro.showToast({ title: messages.product.added, icon: "success" })
    } catch (error) {
      setNotice({ ok: false, text: explainError(error) })
    } finally {
      setAdding(false)
    }
  }

  return (
    <View>
      {product.thumbnail ? (
        <Image src={product.thumbnail} mode="widthFix" style={{ width: "100%" }} />
      ) : null}
      <View className="section">
        <Text className="section__title" data-testid="product-title">
          {product.title}
        </Text>
        {product.subtitle ? <Text className="muted">{product.subtitle}</Text> : null}
        <View>
          <Price amount={variant?.calculated_price?.calculated_amount} testId="product-price" />
        </View>
      </View>
      {(product.options ?? []).map((option) => (
        <View key={option.id} className="section">
          <Text className="muted">{option.title}</Text>
          <View className="chips">
            {option.values.map((v) => (
              <View
                key={v.id}
                className={`chip ${chosen[option.id] === v.value ? "chip--active" : ""}`}
                onClick={() => setChosen({ ...chosen, [option.id]: v.value })}
              >
                {v.value}
              </View>
            ))}
          </View>
        </View>
      ))}
      {product.description ? (
        <View className="section">
          <Text>{product.description}</Text>
        </View>
      ) : null}
      {notice ? (
        <Text className={notice.ok ? "notice-text" : "error-text"} data-testid="add-notice">
          {notice.text}
        </Text>
      ) : null}
      <View className="row">
        <WechatKfButton page={{ kind: "product", handle: product.handle, title: product.title }} />
        <Button onClick={() => go(routes.cart)}>{messages.nav.cart}</Button>
        <Button className="btn-primary" data-testid="add-to-cart" disabled={adding} onClick={add}>
          {adding ? messages.product.adding : messages.product.addToCart}
        </Button>
      </View>
    </View>
  )
}
