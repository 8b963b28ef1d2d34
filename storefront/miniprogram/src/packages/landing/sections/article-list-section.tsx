import { Image, Text, View } from "@tarojs/components"
import { formatDate, type Article, type LandingArticleListSection } from "@health/core"
import { go, routes } from "../../../lib/navigate"

/** The latest articles of a tag or category, as the 健康资讯 list shows them. */
export function ArticleListSection({
  section,
}: {
  section: LandingArticleListSection & { articles: Article[] }
}) {
  if (!section.articles.length) return null
  return (
    <View className="landing-list" data-testid="landing-articles">
      {section.heading ? <Text className="section__title">{section.heading}</Text> : null}
      {section.articles.map((article) => (
        <View
          key={article.documentId}
          className="product-card"
          data-testid="landing-article"
          onClick={() => go(routes.article(article.slug))}
        >
          {article.cover?.url ? (
            <Image className="product-card__image" src={article.cover.url} mode="aspectFill" />
          ) : null}
          <View className="product-card__body">
            <Text className="product-card__title">{article.title}</Text>
            {article.summary ? <Text className="muted">{article.summary}</Text> : null}
            <Text className="muted">{formatDate(article.publishedAt)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
