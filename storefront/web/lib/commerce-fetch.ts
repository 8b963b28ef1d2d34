import type { FetchLike } from "@health/core"
import { headers } from "next/headers"
import { unstable_rethrow } from "next/navigation"
import { connection } from "next/server"
import { nextFetch } from "./next-fetch"
import { shopperAddress } from "./shopper-address"

type HeaderSource = { get(name: string): string | null }

/**
 * What commerce needs to count a request against the shopper rather than this server (its
 * per-address limits on SMS codes, sign-in, registration, passwords): the shopper's address
 * and the secret that proves this server vouches for it. Nothing without WEB_FORWARD_SECRET
 * or when the address cannot be known (commerce then counts this server's own address).
 */
export function shopperForwardHeaders(
  request: HeaderSource | null,
  env: NodeJS.ProcessEnv = process.env
): Record<string, string> {
  const secret = env.WEB_FORWARD_SECRET
  const address = secret && request ? shopperAddress(request) : null
  return secret && address ? { "x-shopper-ip": address, "x-web-forward-secret": secret } : {}
}

/** The headers of the request being served, or null outside one (a build, a timer). */
async function servedRequestHeaders(): Promise<HeaderSource | null> {
  try {
    return await headers()
  } catch (error) {
    // Next's own signals (dynamic rendering, redirects) must still reach Next.
    unstable_rethrow(error)
    return null
  }
}

const isPerShopper = (init: { cacheHint?: unknown }) =>
  !init.cacheHint || init.cacheHint === "no-store"

/**
 * A call made for one shopper makes the page it is made in rendered per request, said before
 * anything can fail: a build with no back end up (the publishable key unreadable, commerce
 * refusing connections) would otherwise prerender the page as static, and the first visit
 * would then fail with "Page changed from static to dynamic at runtime". Outside a request
 * (a timer) there is nothing to mark.
 */
export function perShopperRendersPerRequest(inner: FetchLike): FetchLike {
  return async (input, init = {}) => {
    if (isPerShopper(init)) {
      try {
        await connection()
      } catch (error) {
        unstable_rethrow(error)
      }
    }
    return inner(input, init)
  }
}

/**
 * The fetch every commerce client uses: Next's cache for shared reads; a call made for one
 * shopper (never cached: sign-in, codes, registration, the member's own data) also carries
 * the shopper's address. Shared cached reads do not, so the cache is not split per address.
 */
export const commerceFetch: FetchLike = async (input, init = {}) => {
  if (!isPerShopper(init) || !process.env.WEB_FORWARD_SECRET) return nextFetch(input, init)
  const forwarded = shopperForwardHeaders(await servedRequestHeaders())
  if (!Object.keys(forwarded).length) return nextFetch(input, init)
  const merged = new Headers(init.headers)
  for (const [name, value] of Object.entries(forwarded)) merged.set(name, value)
  return nextFetch(input, { ...init, headers: merged })
}
