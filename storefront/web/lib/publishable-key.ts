import { ApiError, type FetchLike } from "@health/core"

const KEY_HEADER = "x-publishable-api-key"
/** A key read from commerce is used this long, so a revoked key is replaced within minutes. */
const KEY_TTL_MS = 5 * 60_000

type Fetcher = (input: string, init?: RequestInit) => Promise<Response>

/**
 * The publishable key: MEDUSA_PUBLISHABLE_KEY when set, otherwise read from commerce's
 * GET /public/storefront-settings (the key of the store's default sales channel) and kept
 * in this process, so no operator copies it from the admin. A failed read is not kept:
 * the next request asks again.
 */
export function publishableKeySource({
  configured,
  commerceUrl,
  fetch: fetcher = fetch,
  now = Date.now,
}: {
  configured: string
  commerceUrl: string
  fetch?: Fetcher
  now?: () => number
}): () => Promise<string> {
  if (configured) return async () => configured
  let cached: { key: Promise<string>; until: number } | null = null
  const read = async () => {
    // Through Next's data cache, not no-store: a no-store read would make every page that
    // lists products dynamic, when they are served from cache.
    const response = await fetcher(`${commerceUrl.replace(/\/$/, "")}/public/storefront-settings`, {
      next: { revalidate: KEY_TTL_MS / 1000, tags: ["storefront-settings"] },
    } as RequestInit)
    const body = (await response.json().catch(() => ({}))) as {
      storefront_settings?: { publishable_key?: string }
      message?: string
    }
    const key = body.storefront_settings?.publishable_key
    if (!response.ok || !key) {
      throw new ApiError(
        response.ok ? 503 : response.status,
        body.message ?? "商城暂时无法连接，请稍后再试"
      )
    }
    return key
  }
  return () => {
    if (cached && cached.until > now()) return cached.key
    const key = read()
    cached = { key, until: now() + KEY_TTL_MS }
    key.catch(() => {
      cached = null
    })
    return key
  }
}

/** The commerce fetch with the publishable key filled in where the client left it empty. */
export function withPublishableKey(inner: FetchLike, key: () => Promise<string>): FetchLike {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers)
    if (!headers.get(KEY_HEADER)) headers.set(KEY_HEADER, await key())
    return inner(input, { ...init, headers })
  }
}
