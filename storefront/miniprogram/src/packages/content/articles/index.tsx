import { Image, Text, View } from "@tarojs/components"
import { formatDate, messages } from "@health/core"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { useLoad } from "../../../lib/use-load"

/** 健康资讯: the articles published to the 微官网, newest first. */
export default function Articles() {
  const { result, reload } = useLoad(() => cms.listArticles({ pageSize: 20, microsite: true }))
  return (
    <View className="page" data-testid="articles">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(page) => page.data.length === 0}
        empty={<Text>{messages.articles.empty}</Text>}
      >
        {(page) =>
          page.data.map((article) => (
            <View
              key={article.documentId}
              className="product-card"
              data-testid="article"
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
          ))
        }
      </StateView>
    </View>
  )
}
