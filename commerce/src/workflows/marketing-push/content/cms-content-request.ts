import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE } from "../../../lib/cms/cms-reader"
import { cmsBaseUrl } from "../../../lib/cms/cms-collection"
import { publicOrigin } from "../../../lib/config/public-origins"
import { PUSH_CONTENT_TEXT as T } from "./push-content.zh-CN"

// Answered 503 in Chinese by the app's error handler (chinese-error-answer.ts).
const cmsDown = () =>
  new MedusaError(MedusaError.Types.UNEXPECTED_STATE, T.cmsUnavailable, CMS_UNAVAILABLE_CODE)

/**
 * GET /api<path> on the CMS, uncached (the marketer picks from what is published now):
 * `data` of the answer, null for a 404, 503 when the CMS does not answer or answers an error.
 */
export async function readCms<T>(path: string, params?: URLSearchParams): Promise<T | null> {
  const token = process.env.CMS_API_TOKEN
  let response: Response
  try {
    response = await fetch(`${cmsBaseUrl()}/api${path}${params ? `?${params}` : ""}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
    })
  } catch {
    throw cmsDown()
  }
  if (response.status === 404) return null
  const body = (await response.json().catch(() => null)) as { data?: T | null } | null
  if (!response.ok || !body || !("data" in body)) throw cmsDown()
  return body.data ?? null
}

type StrapiPicture = { url?: unknown; formats?: Record<string, { url?: unknown }> | null }

/** A Strapi media field's small picture, absolute at the CMS's public origin. */
export function cmsPictureUrl(picture: unknown): string | null {
  if (!picture || typeof picture !== "object") return null
  const { url, formats } = picture as StrapiPicture
  const found = [formats?.thumbnail?.url, formats?.small?.url, url].find(
    (u): u is string => typeof u === "string" && u.length > 0
  )
  return found ? new URL(found, `${publicOrigin("cms")}/`).toString() : null
}

/** Strapi's "any of these fields contains q" filter (case-insensitive). */
export function containsAny(params: URLSearchParams, q: string, fields: string[]) {
  if (!q) return
  fields.forEach((field, i) => params.set(`filters[$or][${i}][${field}][$containsi]`, q))
}
