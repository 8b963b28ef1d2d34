import { messages, type Tag } from "@health/core"
import Link from "next/link"

/** An article's tags, each a link to its tag page. */
export function TagChips({
  tags,
}: {
  tags: Pick<Tag, "documentId" | "name" | "slug">[] | undefined
}) {
  if (!tags?.length) return null
  return (
    <nav className="chips" aria-label={messages.articles.tags}>
      {tags.map((tag) => (
        <Link key={tag.documentId} href={`/tags/${encodeURIComponent(tag.slug)}`} className="chip">
          #{tag.name}
        </Link>
      ))}
    </nav>
  )
}
