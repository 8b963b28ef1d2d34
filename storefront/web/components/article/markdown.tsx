import { Fragment, type ReactNode } from "react"

/**
 * A small Markdown renderer for CMS bodies (headings, lists, quotes, bold, paragraphs).
 * It builds React elements, never HTML strings, so editor content cannot inject markup.
 */
export function Markdown({ source }: { source: string }) {
  const blocks = source.replace(/\r\n/g, "\n").split(/\n{2,}/)
  return (
    <>
      {blocks.map((block, index) => (
        <Fragment key={index}>{renderBlock(block.trim())}</Fragment>
      ))}
    </>
  )
}

function renderBlock(block: string): ReactNode {
  if (!block) return null
  const heading = /^(#{1,4})\s+(.*)$/.exec(block)
  if (heading) {
    const level = Math.min(heading[1].length + 1, 4)
    const Tag = `h${level}` as "h2" | "h3" | "h4"
    return <Tag>{inline(heading[2])}</Tag>
  }
  const lines = block.split("\n")
  if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
    return (
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{inline(line.replace(/^\s*[-*]\s+/, ""))}</li>
        ))}
      </ul>
    )
  }
  if (lines.every((line) => /^\s*\d+[.、]\s+/.test(line))) {
    return (
      <ol>
        {lines.map((line, i) => (
          <li key={i}>{inline(line.replace(/^\s*\d+[.、]\s+/, ""))}</li>
        ))}
      </ol>
    )
  }
  if (lines.every((line) => line.startsWith(">"))) {
    return (
      <blockquote>{inline(lines.map((line) => line.replace(/^>\s?/, "")).join(" "))}</blockquote>
    )
  }
  return (
    <p>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {inline(line)}
        </Fragment>
      ))}
    </p>
  )
}

function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .map((part, i) =>
      part.startsWith("**") && part.endsWith("**") ? (
        <strong key={i}>{part.slice(2, -2)}</strong>
      ) : (
        part
      )
    )
}
