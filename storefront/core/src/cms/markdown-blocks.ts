/**
 * A CMS body (the small Markdown editors write: headings, lists, quotes, bold, paragraphs) as
 * plain blocks any renderer can draw: the mini-program's views, a React tree. Never HTML, so
 * editor content cannot inject markup.
 */
export type MarkdownSpan = { text: string; bold: boolean }

export type MarkdownBlock =
  | { kind: "heading"; level: 2 | 3 | 4; spans: MarkdownSpan[] }
  | { kind: "list"; ordered: boolean; items: MarkdownSpan[][] }
  | { kind: "quote"; spans: MarkdownSpan[] }
  | { kind: "paragraph"; spans: MarkdownSpan[] }

export function markdownSpans(text: string): MarkdownSpan[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) =>
      /^\*\*[^*]+\*\*$/.test(part)
        ? { text: part.slice(2, -2), bold: true }
        : { text: part, bold: false }
    )
}

export function markdownBlocks(source: string): MarkdownBlock[] {
  return source
    .replace(/\r\n/g, "\n")
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block): MarkdownBlock => {
      const heading = /^(#{1,4})\s+(.*)$/.exec(block)
      if (heading) {
        const level = Math.min(heading[1].length + 1, 4) as 2 | 3 | 4
        return { kind: "heading", level, spans: markdownSpans(heading[2]) }
      }
      const lines = block.split("\n")
      if (lines.every((line) => /^\s*[-*]\s+/.test(line)))
        return {
          kind: "list",
          ordered: false,
          items: lines.map((l) => markdownSpans(l.replace(/^\s*[-*]\s+/, ""))),
        }
      if (lines.every((line) => /^\s*\d+[.、]\s+/.test(line)))
        return {
          kind: "list",
          ordered: true,
          items: lines.map((l) => markdownSpans(l.replace(/^\s*\d+[.、]\s+/, ""))),
        }
      if (lines.every((line) => /^>\s?/.test(line)))
        return {
          kind: "quote",
          spans: markdownSpans(lines.map((l) => l.replace(/^>\s?/, "")).join("\n")),
        }
      return { kind: "paragraph", spans: markdownSpans(lines.join("\n")) }
    })
}
