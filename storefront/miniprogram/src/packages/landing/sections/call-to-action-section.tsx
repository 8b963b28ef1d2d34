import { Button, Text, View } from "@tarojs/components"
import type { LandingCallToActionSection } from "@health/core"
import { openLandingLink } from "../open-landing-link"

/** The editor's button (e.g. 预约上门采样), or a plain link for style "link". */
export function CallToActionSection({ section }: { section: LandingCallToActionSection }) {
  const open = () => openLandingLink(section.link)
  return (
    <View className="landing-cta" data-testid="landing-cta">
      {section.style === "link" ? (
        <Text className="landing-cta__link" onClick={open}>
          {section.text}
        </Text>
      ) : (
        <Button
          className={section.style === "secondary" ? "landing-cta__secondary" : "btn-primary"}
          onClick={open}
        >
          {section.text}
        </Button>
      )}
    </View>
  )
}
