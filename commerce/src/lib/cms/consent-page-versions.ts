import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE } from "./cms-reader"

export const CONSENT_TEXTS_UNAVAILABLE_MESSAGE =
  "隐私政策与同意书暂时无法从内容平台读取，请稍后再试"

/** A legal page's published version and title as the CMS has it now; null when unpublished. */
export type PublishedConsentPage = { slug: string; version: string | null; title: string }

type Entry = { expires: number; pages: Map<string, PublishedConsentPage> }
const cache = new Map<string, Entry>()

/** Forget the versions read (tests, and a CMS page event). */
export function forgetConsentPageVersions() {
  cache.clear()
}

const baseUrl = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")
const ttlMs = () => {
  const ttl = Number(process.env.CMS_CACHE_TTL_MS)
  return Number.isFinite(ttl) && ttl >= 0 ? ttl : 30_000
}

const unavailable = () =>
  new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    CONSENT_TEXTS_UNAVAILABLE_MESSAGE,
    CMS_UNAVAILABLE_CODE
  )

async function fetchPages(slugs: string[]): Promise<Map<string, PublishedConsentPage>> {
  const filters = slugs
    .map((slug, i) => `filters[slug][$in][${i}]=${encodeURIComponent(slug)}`)
    .join("&")
  const token = process.env.CMS_API_TOKEN
  let body: { data?: unknown } | null
  try {
    const response = await fetch(
      `${baseUrl()}/api/pages?${filters}&fields[0]=slug&fields[1]=version&fields[2]=title` +
        `&pagination[pageSize]=100`,
      {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
      }
    )
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    body = (await response.json()) as { data?: unknown }
  } catch {
    throw unavailable()
  }
  if (!body || !Array.isArray(body.data)) throw unavailable()
  const pages = new Map<string, PublishedConsentPage>()
  for (const raw of body.data as Record<string, unknown>[]) {
    if (typeof raw?.slug !== "string") continue
    const version =
      typeof raw.version === "string" && raw.version.trim() ? raw.version.trim() : null
    pages.set(raw.slug, {
      slug: raw.slug,
      version,
      title: typeof raw.title === "string" ? raw.title : raw.slug,
    })
  }
  return pages
}

/**
 * The published version of each legal page (REST reads only see published entries); a slug
 * missing from the answer is unpublished. Kept briefly so a busy booking form does not ask
 * the CMS each time; `fresh` reads past the copy, which callers do before refusing a version
 * the copy calls stale (it may just have been published).
 */
export async function publishedConsentPages(
  slugs: string[],
  { fresh = false }: { fresh?: boolean } = {}
): Promise<Map<string, PublishedConsentPage>> {
  const key = `${baseUrl()}|${[...slugs].sort().join(",")}`
  const hit = cache.get(key)
  if (!fresh && hit && hit.expires > Date.now()) return hit.pages
  const pages = await fetchPages(slugs)
  cache.set(key, { expires: Date.now() + ttlMs(), pages })
  return pages
}
