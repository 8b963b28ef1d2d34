import { formatDate, type Article } from "@health/core"
import Link from "next/link"

export function ArticleCard({ article }: { article: Article }) {
  return (
    <Link
      href={`/articles/${article.slug}`}
      className="card article-card"
      data-testid="article-card"
    >
      {article.cover && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={article.cover.url} alt="" className="card-image" loading="lazy" />
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
