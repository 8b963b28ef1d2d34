import { Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { formatDate, messages } from "@health/core"
import { markdownBlocks, type MarkdownSpan } from "@health/core/cms/markdown-blocks"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { routes } from "../../../lib/navigate"
import { useReferralShare } from "../../../lib/share"
import { useLoad } from "../../../lib/use-load"

const Spans = ({ spans }: { spans: MarkdownSpan[] }) => (
  <>
    {spans.map((span, i) => (
      <Text key={i} style={span.bold ? { fontWeight: 600 } : undefined}>
        {span.text}
      </Text>
    ))}
  </>
)

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
            {markdownBlocks(article!.body ?? "").map((block, i) => (
              <View key={i} style={{ marginTop: "20px" }}>
                {block.kind === "list" ? (
                  block.items.map((item, j) => (
                    <View key={j}>
                      <Text>{block.ordered ? `${j + 1}. ` : "• "}</Text>
                      <Spans spans={item} />
                    </View>
                  ))
                ) : (
                  <View
                    style={
                      block.kind === "heading"
                        ? { fontWeight: 600, fontSize: "32px" }
                        : block.kind === "quote"
                          ? {
                              color: "#6b7280",
                              borderLeft: "4px solid #cbd5e1",
                              paddingLeft: "12px",
                            }
                          : undefined
                    }
                  >
                    <Spans spans={block.spans} />
                  </View>
                )}
              </View>
            ))}
          </View>
        )}
      </StateView>
    </View>
  )
}
