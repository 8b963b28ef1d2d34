import { Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { messages, type Product } from "@health/core"
import { useEffect } from "react"
import { ProductCard } from "../../components/product-card"
import { StateView } from "../../components/state-view"
import { currentRegion } from "../../lib/cart"
import { commerce } from "../../lib/clients"
import { go, routes } from "../../lib/navigate"
import { rememberReferral } from "../../lib/referral"
import { useReferralShare } from "../../lib/share"
import { useCachedLoad } from "../../lib/use-cached-load"

const SHORTCUTS = [
  { label: "体质测试", url: routes.constitutionTest },
  { label: messages.nav.escort, url: routes.escortBook() },
  { label: messages.nav.sites, url: routes.sites },
  { label: messages.nav.articles, url: routes.articles },
  { label: "激活检测盒", url: routes.kitActivate },
]

/** Taro storage key of the home page's product list (the first screen). */
export const HOME_PRODUCTS_KEY = "home:products"

export default function Home() {
  const { params } = useRouter()
  useEffect(() => {
    rememberReferral(params)
  }, [params])
  useReferralShare(`${messages.brand} · 基因检测与健康管理`, routes.home)
  // A repeat visit shows the products last seen at once, then today's (prices included).
  const { result, reload } = useCachedLoad(HOME_PRODUCTS_KEY, async (): Promise<Product[]> => {
    const region = await currentRegion()
    return (await commerce.listProducts({ regionId: region.id, limit: 6 })).products
  })

  return (
    <View className="page" data-testid="home">
      {/* Tapped, the search page (in a subpackage) opens with its own input and suggestions. */}
      <View className="field__input" data-testid="home-search" onClick={() => go(routes.search())}>
        <Text className="muted">{messages.search.placeholder}</Text>
      </View>
      <View className="section">
        <Text className="section__title">{messages.brand}</Text>
        <Text className="muted">{messages.footer.copyright}</Text>
      </View>
      <View className="section chips">
        {SHORTCUTS.map((s) => (
          <View key={s.label} className="chip" onClick={() => go(s.url)}>
            {s.label}
          </View>
        ))}
      </View>
      <View className="row">
        <Text className="section__title">{messages.nav.products}</Text>
        {result.fromCache ? (
          <Text className="muted" data-testid="home-refreshing">
            正在更新…
          </Text>
        ) : null}
        <Text className="muted" onClick={() => go(routes.products())}>
          全部 ›
        </Text>
      </View>
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(products) => products.length === 0}
        empty={<Text>{messages.product.empty}</Text>}
      >
        {(products) => products.map((p) => <ProductCard key={p.id} product={p} />)}
      </StateView>
    </View>
  )
}
