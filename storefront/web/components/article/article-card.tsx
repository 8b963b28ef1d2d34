import { formatDate, type Article } from "@health/core"
import Link from "next/link"

/** `leading`: the first card of a list at the top of its page, whose cover is the page's largest picture. */
export function ArticleCard({ article, leading = false }: { article: Article; leading?: boolean }) {
  return (
    <Link
      href={`/articles/${article.slug}`}
      className="card article-card"
      data-testid="article-card"
    >
      {article.cover && (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={article.cover.url}
          alt=""
          className="card-image"
          loading={leading ? "eager" : "lazy"}
          fetchPriority={leading ? "high" : undefined}
        />
      )}
      <div className="card-body">
        <h3 className="card-title">{article.title}</h3>
        {article.summary && <p className="card-subtitle">{article.summary}</p>}
        <p className="meta">
          {article.category?.name && <span className="chip">{article.category.name}</span>}
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
        </p>
      </div>
    </Link>
  )
}
