import { Text, View } from "@tarojs/components"
import { markdownBlocks, type MarkdownSpan } from "@health/core/cms/markdown-blocks"

const Spans = ({ spans }: { spans: MarkdownSpan[] }) => (
  <>
    {spans.map((span, i) => (
      <Text key={i} style={span.bold ? { fontWeight: 600 } : undefined}>
        {span.text}
      </Text>
    ))}
  </>
)

/**
 * A hospital's 就医指引 as the CMS writes it (Markdown: a heading, lists, bold), drawn as
 * views rather than showing the raw marks to the escort.
 */
export function HospitalGuide({ guide, testId }: { guide: string; testId?: string }) {
  return (
    <View className="muted" data-testid={testId}>
      {markdownBlocks(guide).map((block, i) => (
        <View key={i}>
          {block.kind === "list" ? (
            block.items.map((item, j) => (
              <View key={j}>
                <Text>{block.ordered ? `${j + 1}. ` : "• "}</Text>
                <Spans spans={item} />
              </View>
            ))
          ) : (
            <View style={block.kind === "heading" ? { fontWeight: 600 } : undefined}>
              <Spans spans={block.spans} />
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
