import { Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { formatDate, messages } from "@health/core"
import { RichTextBody } from "../../../components/rich-text-body"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { routes } from "../../../lib/navigate"
import { useReferralShare } from "../../../lib/share"
import { useLoad } from "../../../lib/use-load"

export default function ArticlePage() {
  const { params } = useRouter()
  const slug = params?.slug ?? ""
  const { result, reload } = useLoad(() => cms.getArticle(slug), [slug])
  const title =
    result.state === "ready" && result.data ? result.data.title : messages.articles.title
  useReferralShare(title, routes.article(slug), `slug=${encodeURIComponent(slug)}`)
  return (
    <View className="page" data-testid="article-page">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(a) => !a}
        empty={<Text>{messages.errors.notFound}</Text>}
      >
        {(article) => (
          <View className="section">
            <Text className="section__title">{article!.title}</Text>
            <Text className="muted">
              {formatDate(article!.publishedAt)}
              {article!.expert ? ` · ${article!.expert.name}` : ""}
            </Text>
            <RichTextBody source={article!.body} testId="article-body" />
          </View>
        )}
      </StateView>
    </View>
  )
}
