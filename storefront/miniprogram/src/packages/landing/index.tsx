import { Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import { useEffect } from "react"
import { messages, resolveLandingPage } from "@health/core"
import { StateView } from "../../components/state-view"
import { cms, commerce } from "../../lib/clients"
import { routes } from "../../lib/navigate"
import { useReferralShare } from "../../lib/share"
import { useLoad } from "../../lib/use-load"
import { LandingSections } from "./sections/landing-sections"
import "./landing.css"

/**
 * A 专题页 editors build in the CMS, section by section as on the web's /landing/[slug]. The
 * 微官网 shows only pages the editor published to it; any other slug is 未找到.
 */
export default function LandingPage() {
  const { params } = useRouter()
  const slug = params?.slug ?? ""
  const { result, reload } = useLoad(async () => {
    const page = await cms.getLandingPage(slug, { microsite: true })
    // Its article lists, like every list of the 微官网, show only articles published to it.
    const micrositeArticles = {
      listArticles: (params: Parameters<typeof cms.listArticles>[0]) =>
        cms.listArticles({ ...params, microsite: true }),
    }
    return page ? resolveLandingPage(page, { cms: micrositeArticles, commerce }) : null
  }, [slug])
  const title = result.state === "ready" && result.data ? result.data.title : messages.landing.title
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title })
  }, [title])
  useReferralShare(title, routes.landing(slug), `slug=${encodeURIComponent(slug)}`)
  return (
    <View className="page" data-testid="landing-page">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(page) => !page}
        empty={<Text>{messages.errors.notFound}</Text>}
      >
        {(page) => <LandingSections sections={page!.sections} />}
      </StateView>
    </View>
  )
}
