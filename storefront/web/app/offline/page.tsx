import { messages } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { KeptPagesList } from "@/components/pwa/kept-pages-list"
import { OFFLINE_SHELL_ATTRIBUTE } from "@/lib/pwa/service-worker-client"

export const metadata: Metadata = { title: messages.pwa.offlineTitle, robots: { index: false } }

/**
 * 当前离线: the page the service worker shows when a page cannot be loaded (public/sw.js
 * keeps it, fetched without cookies, so it names no one). It lists what this device kept
 * for reading offline: the member's last viewed 消息中心 and reports.
 */
export default function OfflinePage() {
  const { pwa } = messages
  return (
    <section className="account-page" {...{ [OFFLINE_SHELL_ATTRIBUTE]: "" }}>
      <h1>{pwa.offlineTitle}</h1>
      <div className="panel">
        <p>{pwa.offlineLead}</p>
        <KeptPagesList />
        <p>
          {/* Offline, Next falls back to a full navigation, which the worker retries. */}
          <Link href="/" className="button primary">
            {pwa.offlineRetry}
          </Link>
        </p>
      </div>
    </section>
  )
}
