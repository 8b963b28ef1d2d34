import { ScrollView, Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { PRODUCT_BADGES, messages, type ProductBadge, type ProductCategory } from "@health/core"
import { useState } from "react"
import { ProductCard } from "../../components/product-card"
import { StateView } from "../../components/state-view"
import { currentRegion } from "../../lib/cart"
import { commerce } from "../../lib/clients"
import { useLoad } from "../../lib/use-load"

/** The facets' children (按系列 / 按用途 / 按人群) as one row of chips per facet. */
export default function Products() {
  const { params } = useRouter()
  const [categoryId, setCategoryId] = useState<string | undefined>(params?.category)
  const [badge, setBadge] = useState<ProductBadge | undefined>()
  const tree = useLoad(() => commerce.listCategoryTree())
  const list = useLoad(async () => {
    const [region, tagIds] = await Promise.all([
      currentRegion(),
      badge ? commerce.productTagIds([badge]) : Promise.resolve([]),
    ])
    // A badge no product carries yet lists nothing, as the filter says.
    if (badge && !tagIds.length) return { products: [], count: 0 }
    return commerce.listProducts({
      regionId: region.id,
      categoryIds: categoryId ? [categoryId] : undefined,
      tagIds: badge ? tagIds : undefined,
      limit: 50,
    })
  }, [categoryId, badge])

  return (
    <View className="page" data-testid="products">
      <StateView result={tree.result} onRetry={tree.reload}>
        {(facets: ProductCategory[]) => (
          <View className="section">
            <View className="chips">
              <View
                className={`chip ${categoryId ? "" : "chip--active"}`}
                onClick={() => setCategoryId(undefined)}
              >
                全部
              </View>
              {PRODUCT_BADGES.map((b) => (
                <View
                  key={b}
                  data-testid="badge-chip"
                  className={`chip ${badge === b ? "chip--active" : ""}`}
                  onClick={() => setBadge(badge === b ? undefined : b)}
                >
                  {b}
                </View>
              ))}
            </View>
            {facets.map((facet) => (
              <View key={facet.id}>
                <Text className="muted">{facet.name}</Text>
                <ScrollView scrollX>
                  <View className="chips">
                    {(facet.category_children ?? []).map((c) => (
                      <View
                        key={c.id}
                        data-testid="category-chip"
                        className={`chip ${categoryId === c.id ? "chip--active" : ""}`}
                        onClick={() => setCategoryId(c.id)}
                      >
                        {c.name}
                      </View>
                    ))}
                  </View>
                </ScrollView>
              </View>
            ))}
          </View>
        )}
      </StateView>
      <StateView
        result={list.result}
        onRetry={list.reload}
        isEmpty={(data) => data.products.length === 0}
        empty={<Text>{messages.product.empty}</Text>}
      >
        {(data) => data.products.map((p) => <ProductCard key={p.id} product={p} />)}
      </StateView>
    </View>
  )
}
