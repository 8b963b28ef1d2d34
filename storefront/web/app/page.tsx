import { messages } from "@health/core"
import Link from "next/link"
import { ArticleCard } from "@/components/article/article-card"
import { HeroBanners } from "@/components/home/hero-banners"
import { ProductCard } from "@/components/product/product-card"
import { cms, commerce, optional } from "@/lib/backends"

export default async function HomePage() {
  const [banners, articles, catalog] = await Promise.all([
    optional(() => cms.listBanners("home_hero"), []),
    optional(() => cms.listArticles({ pageSize: 3 }).then((page) => page.data), []),
    optional(async () => {
      const region = await commerce.getRegion()
      const [{ products }, categories] = await Promise.all([
        commerce.listProducts({ regionId: region.id, limit: 8 }),
        commerce.listCategoryTree(),
      ])
      return { products, categories }
    }, null),
  ])

  return (
    <>
      <HeroBanners banners={banners} />

      <section className="section panel constitution-promo" data-testid="constitution-promo">
        <div className="section-head">
          <h2>中医体质辨识</h2>
          <Link href="/constitution">了解更多 →</Link>
        </div>
        <p className="muted">
          60 道题、约 10
          分钟，按国家标准判定九种体质，获得饮食、运动、情志、起居调养建议；登录后保存结果，由专家撰写养生评估报告。
        </p>
        <Link href="/constitution/test" className="button primary">
          免费测一测
        </Link>
      </section>

      <section className="section panel escort-promo" data-testid="escort-promo">
        <div className="section-head">
          <h2>陪诊服务</h2>
          <Link href="/escort">查看服务 →</Link>
        </div>
        <p className="muted">
          专业陪诊员陪同挂号、候诊、就诊、检查、取药，适合老人、孩子家庭与异地就医；服务进度实时可见。
        </p>
        <Link href="/escort/book" className="button primary">
          预约陪诊
        </Link>
      </section>

      <section className="section">
        <div className="section-head">
          <h2>精选基因检测</h2>
          <Link href="/products">查看全部 →</Link>
        </div>
        {catalog === null ? (
          <p className="empty">{messages.errors.commerceDown}</p>
        ) : catalog.products.length === 0 ? (
          <p className="empty">{messages.product.empty}</p>
        ) : (
          <div className="grid products-grid">
            {catalog.products.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </div>
        )}
      </section>

      {catalog && catalog.categories.length > 0 && (
        <section className="section">
          <h2>按需选择</h2>
          <div className="facets">
            {catalog.categories.map((facet) => (
              <div key={facet.id} className="facet">
                <h3>{facet.name}</h3>
                <p className="chips">
                  {(facet.category_children ?? []).map((child) => (
                    <Link
                      key={child.id}
                      href={`/products?category=${child.handle}`}
                      className="chip"
                    >
                      {child.name}
                    </Link>
                  ))}
                </p>
              </div>
            ))}
          </div>
        </section>
      )}

      {articles.length > 0 && (
        <section className="section">
          <div className="section-head">
            <h2>最新健康资讯</h2>
            <Link href="/articles">更多资讯 →</Link>
          </div>
          <div className="grid articles-grid">
            {articles.map((article) => (
              <ArticleCard key={article.documentId} article={article} />
            ))}
          </div>
        </section>
      )}
    </>
  )
}
