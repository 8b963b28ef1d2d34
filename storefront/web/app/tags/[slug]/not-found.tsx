import { EmptyIcon } from "@/components/icons"
import { messages } from "@health/core"
import Link from "next/link"

/** An unknown tag: says so in Chinese and leads back to the articles. */
export default function TagNotFound() {
  return (
    <section className="empty-state">
      <EmptyIcon kind="search" />
      <h1>{messages.tags.notFound}</h1>
      <Link href="/articles" className="button primary">
        {messages.nav.articles}
      </Link>
    </section>
  )
}
