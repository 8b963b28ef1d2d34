import { Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { formatDate, messages, type MicrositeArticle } from "@health/core"
import { RichTextBody } from "../../../components/rich-text-body"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { routes } from "../../../lib/navigate"
import { useReferralShare } from "../../../lib/share"
import { useLoad } from "../../../lib/use-load"

/** Why there is no article to show: kept off the 微官网 by its editor, or not there at all. */
function NoArticle({ found }: { found: MicrositeArticle }) {
  return (
    <Text data-testid="article-unavailable">
      {found.status === "off-microsite" ? messages.articles.offMicrosite : messages.errors.notFound}
    </Text>
  )
}

/**
 * An article, as the 微官网 shows it (a WeChat surface): only one the editor published to the
 * 微官网; any other says so, with no body, as a shared or old link may still lead here.
 */
export default function ArticlePage() {
  const { params } = useRouter()
  const slug = params?.slug ?? ""
  const { result, reload } = useLoad(() => cms.getMicrositeArticle(slug), [slug])
  const title =
    result.state === "ready" && result.data.status === "shown"
      ? result.data.article.title
      : messages.articles.title
  useReferralShare(title, routes.article(slug), `slug=${encodeURIComponent(slug)}`)
  return (
    <View className="page" data-testid="article-page">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(found) => found.status !== "shown"}
        empty={result.state === "ready" ? <NoArticle found={result.data} /> : null}
      >
        {(found) =>
          found.status === "shown" ? (
            <View className="section">
              <Text className="section__title">{found.article.title}</Text>
              <Text className="muted">
                {formatDate(found.article.publishedAt)}
                {found.article.expert ? ` · ${found.article.expert.name}` : ""}
              </Text>
              <RichTextBody source={found.article.body} testId="article-body" />
            </View>
          ) : null
        }
      </StateView>
    </View>
  )
}
