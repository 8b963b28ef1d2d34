import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE } from "./cms-reader"

const PAGE_SIZE = 100

/** The CMS's address as commerce reaches it (CMS_URL). */
export const cmsBaseUrl = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")

type Page = { data?: Record<string, unknown>[]; meta?: { pagination?: { pageCount?: number } } }

/**
 * Every published entry of a Strapi 5 collection, page by page, straight from the CMS (no
 * cache: the syncs that call this feed stored copies). When the CMS does not answer, or
 * answers something else than a list, throws a 503-mapped error with `unavailableMessage`, so a
 * failed sync changes nothing. `token`: the CMS API token to read with (CMS_API_TOKEN by
 * default; none sent when unset).
 */
export async function readCmsCollection(
  collection: string,
  query: string,
  options: { unavailableMessage: string; token?: string }
): Promise<Record<string, unknown>[]> {
  const token = options.token ?? process.env.CMS_API_TOKEN
  const unavailable = () =>
    new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      options.unavailableMessage,
      CMS_UNAVAILABLE_CODE
    )
  const rows: Record<string, unknown>[] = []
  for (let page = 1; ; page++) {
    let body: Page
    try {
      const response = await fetch(
        `${cmsBaseUrl()}/api/${collection}?${query}&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`,
        {
          headers: token ? { authorization: `Bearer ${token}` } : {},
          signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
        }
      )
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      body = (await response.json()) as Page
    } catch {
      throw unavailable()
    }
    if (!Array.isArray(body.data)) throw unavailable()
    rows.push(...body.data)
    const pages = body.meta?.pagination?.pageCount ?? 1
    if (page >= pages || body.data.length < PAGE_SIZE) return rows
  }
}
