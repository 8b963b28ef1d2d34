import { messages } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { ArticleCard } from "@/components/article/article-card"
import { CmsUnavailable } from "@/components/cms/cms-unavailable"
import { cms, optional } from "@/lib/backends"

export const metadata: Metadata = { title: "健康资讯" }

type SearchParams = Promise<{ category?: string; page?: string }>

export default async function ArticlesPage({ searchParams }: { searchParams: SearchParams }) {
  const { category, page } = await searchParams
  const current = Math.max(1, parseInt(page ?? "1", 10) || 1)
  const [categories, articles] = await Promise.all([
    optional(() => cms.listArticleCategories(), []),
    optional(() => cms.listArticles({ category, page: current, pageSize: 9 }), null),
  ])
  if (!articles) {
    return (
      <section>
        <h1>{messages.articles.title}</h1>
        <CmsUnavailable />
      </section>
    )
  }
  const { data, pagination } = articles
  return (
    <section>
      <h1>{messages.articles.title}</h1>
      <nav className="tabs" aria-label="文章分类">
        <Link href="/articles" className={!category ? "tab active" : "tab"}>
          全部
        </Link>
        {categories.map((c) => (
          <Link
            key={c.documentId}
            href={`/articles?category=${c.slug}`}
            className={category === c.slug ? "tab active" : "tab"}
          >
            {c.name}
          </Link>
        ))}
      </nav>
      <h2 className="visually-hidden">文章列表</h2>
      {data.length === 0 ? (
        <p className="empty">{messages.articles.empty}</p>
      ) : (
        <div className="grid articles-grid">
          {data.map((article, index) => (
            <ArticleCard key={article.documentId} article={article} leading={index === 0} />
          ))}
        </div>
      )}
      {pagination.pageCount > 1 && (
        <nav className="pagination" aria-label="分页">
          {Array.from({ length: pagination.pageCount }, (_, i) => i + 1).map((n) => (
            <Link
              key={n}
              href={`/articles?${new URLSearchParams({ ...(category ? { category } : {}), page: String(n) })}`}
              aria-current={n === current ? "page" : undefined}
            >
              {n}
            </Link>
          ))}
        </nav>
      )}
    </section>
  )
}
