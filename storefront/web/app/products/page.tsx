import { messages, type ProductCategory } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { ProductCard } from "@/components/product/product-card"
import { commerce } from "@/lib/backends"

export const metadata: Metadata = { title: "基因检测" }

const PAGE_SIZE = 12

type SearchParams = Promise<{ category?: string; q?: string; page?: string }>

function flatten(tree: ProductCategory[]): ProductCategory[] {
  return tree.flatMap((node) => [node, ...flatten(node.category_children ?? [])])
}

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const { category, q, page } = await searchParams
  const current = Math.max(1, parseInt(page ?? "1", 10) || 1)
  const [region, tree] = await Promise.all([commerce.getRegion(), commerce.listCategoryTree()])
  const selected = category ? flatten(tree).find((c) => c.handle === category) : undefined
  const { products, count } = await commerce.listProducts({
    regionId: region.id,
    categoryIds: selected ? [selected.id] : undefined,
    q: q?.trim() || undefined,
    limit: PAGE_SIZE,
    offset: (current - 1) * PAGE_SIZE,
  })
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const link = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams(
      Object.entries({ category, q, ...params }).filter((e): e is [string, string] => !!e[1])
    )
    return `/products${search.size ? `?${search}` : ""}`
  }

  return (
    <div className="with-sidebar">
      <aside className="sidebar" aria-label="筛选">
        <form action="/products" className="search-form">
          <input name="q" defaultValue={q} placeholder="搜索检测项目" aria-label="搜索检测项目" />
          {category && <input type="hidden" name="category" value={category} />}
          <button className="button primary">搜索</button>
        </form>
        <Link
          href={link({ category: undefined, page: undefined })}
          className={!selected ? "filter active" : "filter"}
        >
          全部检测
        </Link>
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
        <h1>{selected ? selected.name : "全部基因检测"}</h1>
        <p className="muted">共 {count} 项检测</p>
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
