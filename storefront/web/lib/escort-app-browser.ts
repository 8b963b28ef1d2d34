import { createEscortAppClient, type CommerceClientOptions, type FetchLike } from "@health/core"

/** Where the escort app's browser calls go: this server's relay, which adds the token. */
export const ESCORT_RELAY_BASE = "/api/escort-app/commerce"

const sameOriginFetch: FetchLike = (input, init = {}) => {
  const { cacheHint: _hint, ...rest } = init
  return fetch(input, { ...rest, credentials: "same-origin", cache: "no-store" })
}

/**
 * The options every @health/core client takes, aimed at the relay: no key and no token here
 * (the relay adds both), so the income and messaging clients work in the browser unchanged.
 */
export function escortRelayOptions(fetchImpl: FetchLike = sameOriginFetch): CommerceClientOptions {
  return { baseUrl: ESCORT_RELAY_BASE, publishableKey: "", fetch: fetchImpl }
}

export type EscortAppApi = ReturnType<typeof createEscortAppClient>

/** The escort app's client in the browser (token "" on every call: the cookie carries it). */
export function escortAppInBrowser(fetchImpl?: FetchLike): EscortAppApi {
  return createEscortAppClient(escortRelayOptions(fetchImpl))
}
