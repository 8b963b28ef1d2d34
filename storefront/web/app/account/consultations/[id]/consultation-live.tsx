"use client"

import { subscribeConsultation, type EventSourceLike } from "@health/core"
import { useRouter } from "next/navigation"
import { useEffect } from "react"

/** Re-reads the page whenever the consultation's stream says something changed. */
export function ConsultationLive({ id }: { id: string }) {
  const router = useRouter()
  useEffect(() => {
    const reload = () => router.refresh()
    if (typeof EventSource === "undefined") return subscribeConsultation({ reload })
    return subscribeConsultation({
      reload,
      stream: {
        url: `/account/consultations/${encodeURIComponent(id)}/stream`,
        open: (url) => new EventSource(url) as unknown as EventSourceLike,
      },
    })
  }, [id, router])
  return null
}
