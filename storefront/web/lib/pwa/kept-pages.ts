import { messages } from "@health/core"

/** A member page the service worker keeps for offline reading (public/sw.js). */
export type KeptPage = { path: string; label: string }

const MEMBER_CACHE = /^health-member-/
const META_PATH = "/__member-cache-meta"

/** What the 当前离线 page calls a kept page, or null for anything else. */
export function keptPageLabel(path: string): string | null {
  const url = new URL(path, "http://shop")
  if (url.pathname === "/account/inbox") return messages.pwa.keptInbox
  if (url.pathname === "/account/health" && url.searchParams.get("tab") === "reports") {
    return messages.pwa.keptReports
  }
  if (/^\/account\/health\/reports\/[^/]+$/.test(url.pathname)) return messages.pwa.keptReport
  return null
}

/** The pages kept for the member signed in on this device, 消息中心 first. */
export async function listKeptPages(storage: CacheStorage): Promise<KeptPage[]> {
  const pages: KeptPage[] = []
  for (const name of (await storage.keys()).filter((n) => MEMBER_CACHE.test(n))) {
    const cache = await storage.open(name)
    for (const request of await cache.keys()) {
      const url = new URL(request.url)
      const path = url.pathname + url.search
      const label = path === META_PATH ? null : keptPageLabel(path)
      if (label) pages.push({ path, label })
    }
  }
  const order: string[] = [
    messages.pwa.keptInbox,
    messages.pwa.keptReports,
    messages.pwa.keptReport,
  ]
  return pages.sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label))
}
