import type { SearchHit } from "@health/core"

/**
 * A hit's title with the matched words marked. The server escapes everything but the
 * <mark> tags it adds, so the highlight is safe to render as HTML.
 */
export function HighlightedTitle({ hit }: { hit: SearchHit }) {
  if (!hit.highlight) return <>{hit.title}</>
  return <span dangerouslySetInnerHTML={{ __html: hit.highlight }} />
}
