import { messages, type Article, type LandingArticleListSection } from "@health/core"
import Link from "next/link"
import { ArticleCard } from "@/components/article/article-card"

/** The latest articles of a tag or category; nothing when there are none. */
export function ArticleListSection({
  section,
}: {
  section: LandingArticleListSection & { articles: Article[] }
}) {
  if (!section.articles.length) return null
  const more = section.tag
    ? `/tags/${encodeURIComponent(section.tag.slug)}`
    : section.category
      ? `/articles?category=${encodeURIComponent(section.category.slug)}`
      : "/articles"
  return (
    <section className="section" data-testid="landing-articles">
      <div className="section-head">
        {section.heading && <h2>{section.heading}</h2>}
        <Link href={more}>{messages.landing.moreArticles} ›</Link>
      </div>
      <div className="grid articles-grid">
        {section.articles.map((article) => (
          <ArticleCard key={article.documentId} article={article} />
        ))}
      </div>
    </section>
  )
}
