import type { SearchHit } from "@health/contracts"

export type HighlightSegment = { text: string; marked: boolean }

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
}

const unescape = (html: string) => html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e])

/**
 * A hit's title as plain pieces, the matched words marked, for clients that cannot render
 * HTML (the mini-program). The server escapes everything but its own <mark> tags.
 */
export function highlightSegments(hit: Pick<SearchHit, "title" | "highlight">): HighlightSegment[] {
  if (!hit.highlight) return [{ text: hit.title, marked: false }]
  const segments: HighlightSegment[] = []
  for (const [index, part] of hit.highlight.split(/<\/?mark>/).entries()) {
    // Split on open and close tags alike: odd pieces are the marked ones.
    if (part) segments.push({ text: unescape(part), marked: index % 2 === 1 })
  }
  return segments
}
