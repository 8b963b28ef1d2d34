import { formatDate, messages } from "@health/core"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Markdown } from "@/components/article/markdown"
import { RelatedProducts } from "@/components/article/related-products"
import { CmsUnavailable } from "@/components/cms/cms-unavailable"
import { TagChips } from "@/components/tag/tag-chips"
import { cms, optional } from "@/lib/backends"
import { loadRelatedProducts } from "@/lib/related-products"
import { renderEachOnFirstVisit } from "@/lib/first-visit-params"

export const generateStaticParams = renderEachOnFirstVisit<{ slug: string }>

type Params = Promise<{ slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const article = await cms.getArticle((await params).slug).catch(() => null)
  return {
    title: article?.title ?? messages.articles.title,
    description: article?.summary ?? undefined,
  }
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { slug } = await params
  // undefined: the CMS cannot be read (and never gave this article); null: no such article.
  const article = await optional(() => cms.getArticle(slug), undefined)
  if (article === undefined) {
    return (
      <article className="article">
        <h1>{messages.articles.title}</h1>
        <CmsUnavailable what="文章" />
      </article>
    )
  }
  if (!article) notFound()
  const products = await loadRelatedProducts(article.tags)
  const author = article.expert
    ? `${article.expert.name} ${article.expert.title ?? ""}`.trim()
    : article.author_name
  return (
    <article className="article">
      <header className="article-head">
        {article.category && <span className="chip">{article.category.name}</span>}
        <h1>{article.title}</h1>
        <p className="meta">
          {author && (
            <span>
              {messages.articles.by}：{author}
            </span>
          )}
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
        </p>
      </header>
      {article.cover && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={article.cover.url} alt="" className="article-cover" />
      )}
      {article.summary && <p className="lead">{article.summary}</p>}
      <div className="prose" data-testid="article-body">
        <Markdown source={article.body ?? ""} />
      </div>
      <TagChips tags={article.tags} />
      <RelatedProducts products={products} />
    </article>
  )
}
