import { messages } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { ArticleCard } from "@/components/article/article-card"
import { RelatedProducts } from "@/components/article/related-products"
import { CmsUnavailable } from "@/components/cms/cms-unavailable"
import { cms, optional } from "@/lib/backends"
import { loadRelatedProducts } from "@/lib/related-products"

type Params = Promise<{ slug: string }>
type SearchParams = Promise<{ page?: string }>

const PAGE_SIZE = 9

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tag = await cms.getTag((await params).slug).catch(() => null)
  if (!tag) return { title: messages.tags.title }
  return { title: `#${tag.name}`, description: `${tag.name}${messages.tags.description}` }
}

/** Published articles with one tag, newest first, and the tests related to it. */
export default async function TagPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) {
  const { slug } = await params
  const current = Math.max(1, parseInt((await searchParams).page ?? "1", 10) || 1)
  // undefined: the CMS cannot be read (and never gave this tag); null: no such tag.
  const tag = await optional(() => cms.getTag(slug), undefined)
  if (tag === undefined) {
    return (
      <section>
        <h1>{messages.tags.title}</h1>
        <CmsUnavailable />
      </section>
    )
  }
  if (!tag) notFound()
  const [articles, products] = await Promise.all([
    optional(() => cms.listArticles({ tag: slug, page: current, pageSize: PAGE_SIZE }), null),
    loadRelatedProducts([tag]),
  ])
  return (
    <section className="tag-page">
      <h1>#{tag.name}</h1>
      <p className="muted">{`${tag.name}${messages.tags.description}`}</p>
      <h2>{messages.tags.articles}</h2>
      {articles === null ? (
        <CmsUnavailable />
      ) : articles.data.length === 0 ? (
        <p className="empty" data-testid="tag-empty">
          {messages.tags.empty}
        </p>
      ) : (
        <div className="grid articles-grid">
          {articles.data.map((article) => (
            <ArticleCard key={article.documentId} article={article} />
          ))}
        </div>
      )}
      {articles && articles.pagination.pageCount > 1 && (
        <nav className="pagination" aria-label="分页">
          {Array.from({ length: articles.pagination.pageCount }, (_, i) => i + 1).map((n) => (
            <Link
              key={n}
              href={`/tags/${encodeURIComponent(slug)}?page=${n}`}
              aria-current={n === current ? "page" : undefined}
            >
              {n}
            </Link>
          ))}
        </nav>
      )}
      <RelatedProducts products={products} />
    </section>
  )
}
