import { Button, Image, Text, View } from "@tarojs/components"
import type { LandingHeroSection } from "@health/core"
import { openLandingLink } from "../open-landing-link"

export function HeroSection({ section }: { section: LandingHeroSection }) {
  return (
    <View className="landing-hero" data-testid="landing-hero">
      {section.image ? (
        <Image className="landing-hero__image" src={section.image.url} mode="widthFix" />
      ) : null}
      <View className="landing-hero__text">
        <Text className="landing-hero__title">{section.title}</Text>
        {section.subtitle ? (
          <Text className="landing-hero__subtitle">{section.subtitle}</Text>
        ) : null}
        {section.cta_text && section.cta_link ? (
          <Button
            className="btn-primary"
            size="mini"
            data-testid="landing-hero-cta"
            onClick={() => openLandingLink(section.cta_link)}
          >
            {section.cta_text}
          </Button>
        ) : null}
      </View>
    </View>
  )
}
