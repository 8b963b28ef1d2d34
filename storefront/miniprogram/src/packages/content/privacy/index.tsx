import { Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { RichTextBody } from "../../../components/rich-text-body"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { useLoad } from "../../../lib/use-load"

/** A slug the CMS could hold; anything else reads the privacy policy. */
const pageSlug = (given: string | undefined) =>
  given && /^[\w-]{1,80}$/.test(given) ? given : "privacy-policy"

/**
 * 隐私政策 and the other legal and consent texts (`?slug=`): the CMS page the web's /privacy
 * and /pages/[slug] show, at its current version.
 */
export default function Privacy() {
  const slug = pageSlug(useRouter().params.slug)
  const { result, reload } = useLoad(() => cms.getPage(slug))
  return (
    <View className="page" data-testid="privacy">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(page) => !page}
        empty={<Text>该文本暂未发布</Text>}
      >
        {(page) => (
          <View className="section">
            <Text className="section__title">{page!.title}</Text>
            {page!.version ? <Text className="muted">版本：{page!.version}</Text> : null}
            <RichTextBody source={page!.body ?? ""} testId="privacy-body" />
          </View>
        )}
      </StateView>
    </View>
  )
}
