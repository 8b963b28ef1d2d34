"use client"

import { EmptyIcon } from "@/components/icons"

import { messages } from "@health/core"

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="empty-state">
      <EmptyIcon kind="warning" />
      <h1>{messages.errors.generic}</h1>
      <button className="button primary" onClick={reset}>
        {messages.errors.retry}
      </button>
    </section>
  )
}
