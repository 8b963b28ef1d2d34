"use client"

import { subscribeConsultation, type EventSourceLike } from "@health/core"
import { useRouter } from "next/navigation"
import { useEffect } from "react"

/** Re-reads the room whenever its stream says a question was made public or answered. */
export function GroupSessionLive({ id }: { id: string }) {
  const router = useRouter()
  useEffect(() => {
    const reload = () => router.refresh()
    if (typeof EventSource === "undefined") return subscribeConsultation({ reload })
    return subscribeConsultation({
      reload,
      stream: {
        url: `/consult/group-sessions/${encodeURIComponent(id)}/stream`,
        open: (url) => new EventSource(url) as unknown as EventSourceLike,
      },
    })
  }, [id, router])
  return null
}
