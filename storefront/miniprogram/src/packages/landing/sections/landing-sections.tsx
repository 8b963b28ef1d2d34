import { View } from "@tarojs/components"
import type { ResolvedLandingSection } from "@health/core"
import { RichTextBody } from "../../../components/rich-text-body"
import { ArticleListSection } from "./article-list-section"
import { CallToActionSection } from "./call-to-action-section"
import { HeroSection } from "./hero-section"
import { ImageSection } from "./image-section"
import { ProductListSection } from "./product-list-section"

/** A 专题页's sections in the editor's order, as the web draws them (components/landing). */
export function LandingSections({ sections }: { sections: ResolvedLandingSection[] }) {
  return (
    <>
      {sections.map((section) => {
        const key = `${section.__component}-${section.id}`
        switch (section.__component) {
          case "landing.hero":
            return <HeroSection key={key} section={section} />
          case "landing.product-list":
            return <ProductListSection key={key} section={section} />
          case "landing.article-list":
            return <ArticleListSection key={key} section={section} />
          case "landing.rich-text":
            // Rich text as articles show it here: sanitised nodes, videos, links listed as taps.
            return (
              <View key={key} className="section">
                <RichTextBody source={section.body} testId="landing-rich-text" />
              </View>
            )
          case "landing.image":
            return <ImageSection key={key} section={section} />
          case "landing.call-to-action":
            return <CallToActionSection key={key} section={section} />
        }
      })}
    </>
  )
}
