import type { CacheHint, FetchLike } from "../http"
import { readJson } from "../http"

export type CommerceClientOptions = { baseUrl: string; publishableKey: string; fetch: FetchLike }

export type CommerceRequestInit = RequestInit & { cacheHint?: CacheHint; token?: string }

/** One request to Medusa with the publishable key and, for a member, their bearer token. */
export function commerceRequester({ baseUrl, publishableKey, fetch }: CommerceClientOptions) {
  return async <T>(path: string, { token, ...init }: CommerceRequestInit = {}): Promise<T> => {
    const response = await fetch(`${baseUrl.replace(/\/$/, "")}${path}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    })
    return readJson<T>(response)
  }
}
