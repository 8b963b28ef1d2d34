import type { ResolvedLandingSection } from "@health/core"
import { ArticleListSection } from "./article-list-section"
import { CallToActionSection } from "./call-to-action-section"
import { HeroSection } from "./hero-section"
import { ImageSection } from "./image-section"
import { ProductListSection } from "./product-list-section"
import { RichTextSection } from "./rich-text-section"

/** A 专题页's sections in the editor's order, each drawn by its own component. */
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
            return <RichTextSection key={key} section={section} />
          case "landing.image":
            return <ImageSection key={key} section={section} />
          case "landing.call-to-action":
            return <CallToActionSection key={key} section={section} />
        }
      })}
    </>
  )
}
