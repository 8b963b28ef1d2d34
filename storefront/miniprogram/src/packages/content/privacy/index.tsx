import { Text, View } from "@tarojs/components"
import { RichTextBody } from "../../../components/rich-text-body"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { useLoad } from "../../../lib/use-load"

/** 隐私政策: the CMS page the web's /privacy shows, at its current version. */
export default function Privacy() {
  const { result, reload } = useLoad(() => cms.getPage("privacy-policy"))
  return (
    <View className="page" data-testid="privacy">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(page) => !page}
        empty={<Text>隐私政策暂未发布</Text>}
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
