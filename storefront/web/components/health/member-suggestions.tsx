import type { Article, Product } from "@health/core"
import Link from "next/link"
import { ArticleCard } from "@/components/article/article-card"
import { ProductCard } from "@/components/product/product-card"

/**
 * 为您推荐 under a report: what the member's findings, constitution and age group point to.
 * Shows nothing when nothing matches.
 */
export function MemberSuggestions({
  articles,
  products,
}: {
  articles: Article[]
  products: Product[]
}) {
  if (!articles.length && !products.length) return null
  return (
    <section className="section" data-testid="member-suggestions">
      <h2>为您推荐</h2>
      <p className="hint">根据您的检测结果、体质辨识和年龄段推荐，仅供健康管理参考。</p>
      {products.length > 0 && (
        <>
          <div className="section-head">
            <h3>相关检测与产品</h3>
            <Link href="/products">查看全部 →</Link>
          </div>
          <div className="grid products-grid">
            {products.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </div>
        </>
      )}
      {articles.length > 0 && (
        <>
          <div className="section-head">
            <h3>健康资讯</h3>
            <Link href="/articles">更多资讯 →</Link>
          </div>
          <div className="grid articles-grid">
            {articles.map((article) => (
              <ArticleCard key={article.documentId} article={article} />
            ))}
          </div>
        </>
      )}
    </section>
  )
}
