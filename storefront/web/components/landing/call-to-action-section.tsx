import type { LandingCallToActionSection } from "@health/core"
import { LandingLink } from "./landing-link"

const STYLE_CLASS = {
  primary: "button primary",
  secondary: "button secondary",
  link: "landing-cta-link",
} as const

/** One button (or a plain link) the editor placed, e.g. 预约上门采样. */
export function CallToActionSection({ section }: { section: LandingCallToActionSection }) {
  return (
    <section className="section landing-cta" data-testid="landing-cta">
      <LandingLink href={section.link} className={STYLE_CLASS[section.style ?? "primary"]}>
        {section.text}
      </LandingLink>
    </section>
  )
}
