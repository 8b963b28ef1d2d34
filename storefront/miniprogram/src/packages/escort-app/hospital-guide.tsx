import { View } from "@tarojs/components"
import { RichTextBody } from "../../components/rich-text-body"

/**
 * A hospital's 就医指引 as the CMS writes it (Markdown: headings, lists, bold, links), drawn as
 * rich text rather than showing the raw marks to the escort.
 */
export function HospitalGuide({ guide, testId }: { guide: string; testId?: string }) {
  return (
    <View className="muted">
      <RichTextBody source={guide} testId={testId} />
    </View>
  )
}
