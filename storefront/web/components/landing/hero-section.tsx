import type { LandingHeroSection } from "@health/core"
import { LandingLink } from "./landing-link"

/** The page's head: its picture (at its own size, so nothing shifts as it loads) and one button. */
export function HeroSection({ section }: { section: LandingHeroSection }) {
  const { image } = section
  return (
    <section className="landing-hero" data-testid="landing-hero">
      {image && (
        // eslint-disable-next-line @next/next/no-img-element -- CMS uploads, served as they are
        <img
          src={image.url}
          alt={image.alternativeText ?? ""}
          width={image.width ?? 1200}
          height={image.height ?? 480}
          className="landing-hero-image"
          fetchPriority="high"
        />
      )}
      <div className="landing-hero-text">
        <h1>{section.title}</h1>
        {section.subtitle && <p>{section.subtitle}</p>}
        {section.cta_text && section.cta_link && (
          <LandingLink href={section.cta_link} className="button primary" testId="landing-hero-cta">
            {section.cta_text}
          </LandingLink>
        )}
      </div>
    </section>
  )
}
