import type { LandingRichTextSection } from "@health/core"
import { Markdown } from "@/components/article/markdown"

/** Markdown as articles draw it: core's sanitised tree, never an HTML string. */
export function RichTextSection({ section }: { section: LandingRichTextSection }) {
  return (
    <section className="section prose" data-testid="landing-rich-text">
      <Markdown source={section.body} />
    </section>
  )
}
