import { Text, View } from "@tarojs/components"
import type { LandingProductListSection, Product } from "@health/core"
import { ProductCard } from "../../../components/product-card"

/** Chosen products, or those with a tag (热销, 新品); nothing when none is on sale. */
export function ProductListSection({
  section,
}: {
  section: LandingProductListSection & { products: Product[] }
}) {
  if (!section.products.length) return null
  return (
    <View className="landing-list" data-testid="landing-products">
      {section.heading ? <Text className="section__title">{section.heading}</Text> : null}
      {section.products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </View>
  )
}
