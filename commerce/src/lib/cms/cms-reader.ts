import type { ClinicSession, CollectionSite } from "@health/contracts"
import { MedusaError } from "@medusajs/framework/utils"

/** A collection site (采集点) and a clinic session (线下义诊) as the CMS publishes them. */
export type CmsCollectionSite = CollectionSite
export type CmsClinicSession = ClinicSession

export const CMS_UNAVAILABLE_MESSAGE = "采集点和义诊信息暂时无法读取，请稍后再试"
export const CMS_UNAVAILABLE_CODE = "cms_unavailable"

/** The CMS did not answer (or answered with an error): callers answer 503. */
export const cmsUnavailable = () =>
  new MedusaError(MedusaError.Types.UNEXPECTED_STATE, CMS_UNAVAILABLE_MESSAGE, CMS_UNAVAILABLE_CODE)

type Entry = { expires: number; value: unknown }
const cache = new Map<string, Entry>()

/** Forget what was read (tests, and after the CMS tells us something changed). */
export function clearCmsCache() {
  cache.clear()
}

const baseUrl = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")
const ttlMs = () => {
  const ttl = Number(process.env.CMS_CACHE_TTL_MS)
  return Number.isFinite(ttl) && ttl >= 0 ? ttl : 30_000
}

/**
 * GET /api<path> on the CMS's REST API; null for a 404 (not found or not published).
 * Answers are kept for a short while so a busy availability page does not hit the CMS
 * for every request.
 */
async function read<T>(path: string): Promise<T | null> {
  const key = `${baseUrl()}${path}`
  const hit = cache.get(key)
  if (hit && hit.expires > Date.now()) return hit.value as T | null
  const token = process.env.CMS_API_TOKEN
  let response: Response
  try {
    response = await fetch(`${baseUrl()}/api${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
    })
  } catch {
    throw cmsUnavailable()
  }
  let value: T | null
  if (response.status === 404) {
    value = null
  } else if (!response.ok) {
    throw cmsUnavailable()
  } else {
    const body = (await response.json().catch(() => null)) as { data?: T | null } | null
    if (!body || !("data" in body)) throw cmsUnavailable()
    value = body.data ?? null
  }
  cache.set(key, { expires: Date.now() + ttlMs(), value })
  return value
}

const safeId = (documentId: string) => encodeURIComponent(documentId)

export const cmsReader = {
  async collectionSite(documentId: string): Promise<CmsCollectionSite | null> {
    return read<CmsCollectionSite>(`/collection-sites/${safeId(documentId)}`)
  },

  async collectionSites(): Promise<CmsCollectionSite[]> {
    return (
      (await read<CmsCollectionSite[]>(
        "/collection-sites?filters[active][$eq]=true&pagination[pageSize]=100&sort=id:asc"
      )) ?? []
    )
  },

  /** Sessions starting from `from` (a day, so the answer can be cached), soonest first. */
  async clinicSessionsFrom(from: string): Promise<CmsClinicSession[]> {
    return (
      (await read<CmsClinicSession[]>(
        `/clinic-sessions?filters[starts_at][$gte]=${encodeURIComponent(from)}&sort=starts_at:asc&pagination[pageSize]=100`
      )) ?? []
    )
  },

  async clinicSession(documentId: string): Promise<CmsClinicSession | null> {
    return read<CmsClinicSession>(`/clinic-sessions/${safeId(documentId)}`)
  },
}

/** "岳阳市岳阳楼区 xx 路 1 号" */
export const siteAddress = (site: CmsCollectionSite) =>
  [site.city, site.district, site.address].filter(Boolean).join(" ")
