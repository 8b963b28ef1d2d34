import { PRODUCT_BADGES, isProductBadge, messages, type ProductCategory } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { ProductCard } from "@/components/product/product-card"
import { commerce } from "@/lib/backends"

export const metadata: Metadata = { title: "基因检测" }

const PAGE_SIZE = 12

type SearchParams = Promise<{ category?: string; q?: string; page?: string; tag?: string }>

function flatten(tree: ProductCategory[]): ProductCategory[] {
  return tree.flatMap((node) => [node, ...flatten(node.category_children ?? [])])
}

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const { category, q, page, tag: tagParam } = await searchParams
  const current = Math.max(1, parseInt(page ?? "1", 10) || 1)
  // 热销 / 新品: any other value is ignored rather than emptying the list.
  const tag = isProductBadge(tagParam) ? tagParam : undefined
  const [region, tree, tagIds] = await Promise.all([
    commerce.getRegion(),
    commerce.listCategoryTree(),
    tag ? commerce.productTagIds([tag]) : Promise.resolve([]),
  ])
  const selected = category ? flatten(tree).find((c) => c.handle === category) : undefined
  // A badge no product carries yet lists nothing, as the filter says.
  const { products, count } =
    tag && !tagIds.length
      ? { products: [], count: 0 }
      : await commerce.listProducts({
          regionId: region.id,
          categoryIds: selected ? [selected.id] : undefined,
          tagIds: tag ? tagIds : undefined,
          q: q?.trim() || undefined,
          limit: PAGE_SIZE,
          offset: (current - 1) * PAGE_SIZE,
        })
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const link = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams(
      Object.entries({ category, q, tag, ...params }).filter((e): e is [string, string] => !!e[1])
    )
    const text = search.toString()
    return `/products${text ? `?${text}` : ""}`
  }

  return (
    <div className="with-sidebar">
      <aside className="sidebar" aria-label="筛选">
        <form action="/products" className="search-form">
          <input name="q" defaultValue={q} placeholder="搜索检测项目" aria-label="搜索检测项目" />
          {category && <input type="hidden" name="category" value={category} />}
          {tag && <input type="hidden" name="tag" value={tag} />}
          <button className="button primary">搜索</button>
        </form>
        <Link
          href={link({ category: undefined, page: undefined })}
          className={!selected ? "filter active" : "filter"}
        >
          全部检测
        </Link>
        <div className="filter-group" data-testid="badge-filter">
          <h3>精选</h3>
          {PRODUCT_BADGES.map((badge) => (
            <Link
              key={badge}
              href={link({ tag: tag === badge ? undefined : badge, page: undefined })}
              className={tag === badge ? "filter active" : "filter"}
              aria-current={tag === badge ? "true" : undefined}
            >
              {badge}
            </Link>
          ))}
        </div>
        {tree.map((facet) => (
          <div key={facet.id} className="filter-group">
            <h3>{facet.name}</h3>
            {(facet.category_children ?? []).map((child) => (
              <Link
                key={child.id}
                href={link({ category: child.handle, page: undefined })}
                className={selected?.id === child.id ? "filter active" : "filter"}
              >
                {child.name}
              </Link>
            ))}
          </div>
        ))}
      </aside>
      <section>
        <h1>
          {selected ? selected.name : "全部基因检测"}
          {tag && ` · ${tag}`}
        </h1>
        <p className="muted">共 {count} 项检测</p>
        <h2 className="visually-hidden">检测列表</h2>
        {products.length === 0 ? (
          <p className="empty">{messages.product.empty}</p>
        ) : (
          <div className="grid products-grid">
            {products.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </div>
        )}
        {pages > 1 && (
          <nav className="pagination" aria-label="分页">
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <Link
                key={n}
                href={link({ page: String(n) })}
                aria-current={n === current ? "page" : undefined}
              >
                {n}
              </Link>
            ))}
          </nav>
        )}
      </section>
    </div>
  )
}
