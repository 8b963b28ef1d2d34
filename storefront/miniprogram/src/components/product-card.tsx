import { Image, Text, View } from "@tarojs/components"
import { lowestPrice, messages, type Product } from "@health/core"
import { go, routes } from "../lib/navigate"
import { Price } from "./price"
import { ProductBadges } from "./product-badges"

export function ProductCard({ product }: { product: Product }) {
  const price = lowestPrice(product)
  return (
    <View
      className="product-card"
      data-testid="product-card"
      onClick={() => go(routes.product(product.handle))}
    >
      {product.thumbnail ? (
        <Image className="product-card__image" src={product.thumbnail} mode="aspectFill" />
      ) : null}
      <View className="product-card__body">
        <ProductBadges product={product} />
        <Text className="product-card__title">{product.title}</Text>
        {product.subtitle ? (
          <Text className="product-card__subtitle">{product.subtitle}</Text>
        ) : null}
        {price === null ? (
          <Text className="muted">{messages.product.soldOut}</Text>
        ) : (
          <View>
            <Price amount={price} /> <Text className="muted">{messages.product.from}</Text>
          </View>
        )}
      </View>
    </View>
  )
}
