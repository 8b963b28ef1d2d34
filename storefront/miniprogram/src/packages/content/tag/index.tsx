import { Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { formatDate, messages } from "@health/core"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { useLoad } from "../../../lib/use-load"

/** Articles per screen, as the web's tag page pages them. */
const PAGE_SIZE = 20

/** #标签: the tag's articles published to the 微官网, newest first. */
export default function TagArticles() {
  const slug = useRouter().params.slug ?? ""
  const { result, reload } = useLoad(async () => {
    const tag = await cms.getTag(slug)
    if (!tag) return null
    return {
      tag,
      articles: (await cms.listArticles({ tag: slug, pageSize: PAGE_SIZE, microsite: true })).data,
    }
  }, [slug])
  return (
    <View className="page" data-testid="tag">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(view) => !view}
        empty={<Text>{messages.tags.notFound}</Text>}
      >
        {(view) => (
          <View>
            <View className="section">
              <Text className="section__title">#{view!.tag.name}</Text>
              <Text className="muted">{`${view!.tag.name}${messages.tags.description}`}</Text>
            </View>
            {view!.articles.length === 0 ? (
              <Text className="muted">{messages.tags.empty}</Text>
            ) : (
              view!.articles.map((article) => (
                <View
                  key={article.documentId}
                  className="list-item"
                  data-testid="tag-article"
                  onClick={() => go(routes.article(article.slug))}
                >
                  <Text>{article.title}</Text>
                  <Text className="muted">{formatDate(article.publishedAt)}</Text>
                </View>
              ))
            )}
          </View>
        )}
      </StateView>
    </View>
  )
}
