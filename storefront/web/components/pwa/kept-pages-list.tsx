"use client"

import { messages } from "@health/core"
import { useEffect, useState } from "react"
import { listKeptPages, type KeptPage } from "@/lib/pwa/kept-pages"

/** On the 当前离线 page: what this device kept for the member, read from the worker's caches. */
export function KeptPagesList() {
  const [pages, setPages] = useState<KeptPage[] | null>(null)
  useEffect(() => {
    const kept = typeof caches === "undefined" ? Promise.resolve([]) : listKeptPages(caches)
    kept.then(setPages, () => setPages([]))
  }, [])
  if (pages === null) return null
  const { pwa } = messages
  if (!pages.length) return <p className="muted">{pwa.offlineNothingKept}</p>
  return (
    <div data-testid="kept-pages">
      <p>{pwa.offlineAvailable}</p>
      <ul>
        {pages.map((page) => (
          // Plain links: a full navigation, which the worker answers from its cache.
          <li key={page.path}>
            <a href={page.path}>{page.label}</a>
          </li>
        ))}
      </ul>
      <p className="muted">{pwa.offlineKeptNote}</p>
    </div>
  )
}
