import { Image, View } from "@tarojs/components"
import type { LandingImageSection } from "@health/core"
import { openLandingLink } from "../open-landing-link"

/** One picture across the page, at its own proportions (widthFix), tappable when linked. */
export function ImageSection({ section }: { section: LandingImageSection }) {
  if (!section.image) return null
  return (
    <View
      className="landing-image"
      data-testid="landing-image"
      onClick={section.link ? () => openLandingLink(section.link) : undefined}
    >
      <Image
        className="landing-image__picture"
        src={section.image.url}
        mode="widthFix"
        ariaLabel={section.alt ?? section.image.alternativeText ?? ""}
      />
    </View>
  )
}
