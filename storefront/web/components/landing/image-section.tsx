import type { LandingImageSection } from "@health/core"
import { LandingLink } from "./landing-link"

/** One picture at its own size (no layout shift), linked when the editor gave a link. */
export function ImageSection({ section }: { section: LandingImageSection }) {
  const { image } = section
  if (!image) return null
  const picture = (
    // eslint-disable-next-line @next/next/no-img-element -- CMS uploads, served as they are
    <img
      src={image.url}
      alt={section.alt ?? image.alternativeText ?? ""}
      width={image.width ?? 1200}
      height={image.height ?? 600}
      loading="lazy"
      decoding="async"
      className="landing-image"
    />
  )
  return (
    <section className="section" data-testid="landing-image">
      {section.link ? <LandingLink href={section.link}>{picture}</LandingLink> : picture}
    </section>
  )
}
