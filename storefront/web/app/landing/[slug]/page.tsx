import { LANDING_SLUG, messages, resolveLandingPage } from "@health/core"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { CmsUnavailable } from "@/components/cms/cms-unavailable"
import { LandingSections } from "@/components/landing/landing-sections"
import { cms, commerce, optional } from "@/lib/backends"
import { renderEachOnFirstVisit } from "@/lib/first-visit-params"

export const generateStaticParams = renderEachOnFirstVisit<{ slug: string }>

type Params = Promise<{ slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params
  const page = LANDING_SLUG.test(slug) ? await cms.getLandingPage(slug).catch(() => null) : null
  if (!page) return { title: messages.landing.title }
  const hero = page.sections.find((section) => section.__component === "landing.hero")
  const description = page.seo_description ?? undefined
  return {
    title: page.title,
    description,
    openGraph: {
      title: page.title,
      description,
      images: hero?.image
        ? [{ url: hero.image.url, width: hero.image.width, height: hero.image.height }]
        : undefined,
    },
  }
}

/**
 * A 专题页 editors build in the CMS from sections. Read through the CMS client's tagged cache:
 * commerce's /hooks/cms expires `cms:landing-page:<slug>` when the page is published, changed,
 * unpublished or deleted, so members see the editor's page at once; unknown or unpublished
 * slugs are a 404.
 */
export default async function LandingPage({ params }: { params: Params }) {
  const { slug } = await params
  if (!LANDING_SLUG.test(slug)) notFound()
  // undefined: the CMS cannot be read (and never gave this page); null: no such page.
  const page = await optional(() => cms.getLandingPage(slug), undefined)
  if (page === undefined) {
    return (
      <article className="landing">
        <h1>{messages.landing.title}</h1>
        <CmsUnavailable what={messages.landing.content} />
      </article>
    )
  }
  if (!page) notFound()
  const resolved = await resolveLandingPage(page, { cms, commerce })
  const hasHero = resolved.sections.some((section) => section.__component === "landing.hero")
  return (
    <article className="landing" data-testid="landing-page">
      {/* The hero's title is the page's heading; without a hero the page's own title is. */}
      {!hasHero && <h1>{page.title}</h1>}
      <LandingSections sections={resolved.sections} />
    </article>
  )
}
