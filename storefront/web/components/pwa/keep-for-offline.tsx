"use client"

import { useEffect } from "react"
import { postToServiceWorker } from "@/lib/pwa/service-worker-client"

/**
 * On 消息中心 and report pages: asks the service worker to keep this page, in the signed-in
 * member's own cache, for reading offline. `member` is the customer id the page was
 * rendered for, so the worker never files one member's page under another.
 */
export function KeepForOffline({ member }: { member: string }) {
  useEffect(() => {
    void postToServiceWorker({
      type: "member-page",
      member,
      path: window.location.pathname + window.location.search,
    })
  }, [member])
  return null
}
