import { EmptyIcon } from "@/components/icons"
import { messages } from "@health/core"
import Link from "next/link"

export default function NotFound() {
  return (
    <section className="empty-state">
      <EmptyIcon kind="search" />
      <h1>{messages.errors.notFound}</h1>
      <Link href="/" className="button primary">
        {messages.errors.backHome}
      </Link>
    </section>
  )
}
