import type { CacheHint, FetchLike } from "../http"
import { ApiError, readJson } from "../http"

/**
 * Which storefront asks, sent as `x-storefront-channel` (commerce's
 * lib/http/storefront-channel.ts): the mini-program is a WeChat surface, where only products
 * flagged 发布到微官网 are listed and found. Left out, commerce takes the web.
 */
export type StorefrontChannel = "web" | "miniprogram"

export const STOREFRONT_CHANNEL_HEADER = "x-storefront-channel"

export type CommerceClientOptions = {
  baseUrl: string
  publishableKey: string
  fetch: FetchLike
  channel?: StorefrontChannel
}

export type CommerceRequestInit = RequestInit & { cacheHint?: CacheHint; token?: string }

function send(
  { baseUrl, publishableKey, fetch, channel }: CommerceClientOptions,
  path: string,
  { token, ...init }: CommerceRequestInit
): Promise<Response> {
  // A multipart body sets its own content type, boundary included.
  const isForm = typeof FormData !== "undefined" && init.body instanceof FormData
  return fetch(`${baseUrl.replace(/\/$/, "")}${path}`, {
    ...init,
    headers: {
      ...(isForm ? {} : { "content-type": "application/json" }),
      "x-publishable-api-key": publishableKey,
      ...(channel ? { [STOREFRONT_CHANNEL_HEADER]: channel } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  })
}

/** One request to Medusa with the publishable key and, for a member, their bearer token. */
export function commerceRequester(options: CommerceClientOptions) {
  return async <T>(path: string, init: CommerceRequestInit = {}): Promise<T> =>
    readJson<T>(await send(options, path, init))
}

/**
 * A request whose answer is bytes (a PDF, an image, a zip): the Response, body unread, so the
 * caller can stream it on. A refusal becomes an ApiError like any other call's.
 */
export function commerceFileRequester(options: CommerceClientOptions) {
  return async (path: string, init: CommerceRequestInit = {}): Promise<Response> => {
    const response = await send(options, path, init)
    if (response.ok) return response
    const text = await response.text()
    let message = `请求失败（${response.status}）`
    let type: string | undefined
    try {
      const body = JSON.parse(text) as { message?: string; type?: string }
      message = body.message ?? message
      type = body.type
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    throw new ApiError(response.status, message, type)
  }
}

/** Requests for one person's own data, never cached (cacheHint no-store). */
export const NO_STORE = { cacheHint: "no-store" as const }

/**
 * `get`, `post` (a JSON body) and `open` (a raw response: files, streams) for one person's own
 * data, with their token and never cached: what the member, escort and doctor clients share.
 */
export function personalRequesters(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    request,
    open: commerceFileRequester(options),
    get: <T>(path: string, token?: string) => request<T>(path, { token, ...NO_STORE }),
    post: <T>(path: string, token: string, body: unknown = {}) =>
      request<T>(path, { method: "POST", body: JSON.stringify(body), token, ...NO_STORE }),
  }
}
