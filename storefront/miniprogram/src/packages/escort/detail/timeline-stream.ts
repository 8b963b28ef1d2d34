import Taro from "@tarojs/taro"
import {
  createUtf8ChunkDecoder,
  fetchEventTransport,
  openEventStream,
  type EscortSubscriptionOptions,
  type EventStreamTransport,
} from "@health/core"
import { appConfig, isWeapp } from "../../../lib/config"

const headerValue = (header: Record<string, unknown> | undefined, name: string) =>
  String(Object.entries(header ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? "")

/**
 * WeChat's chunked transfer: Taro.request with `enableChunked`, the stream's bytes from
 * `onChunkReceived` (ArrayBuffers, decoded here: weapp has no TextDecoder).
 */
export const weappChunkedTransport: EventStreamTransport = (request, handlers) => {
  const decode = createUtf8ChunkDecoder()
  let opened = false
  const open = (status: number, header: Record<string, unknown> | undefined) => {
    if (opened) return
    opened = true
    handlers.onOpen(status, headerValue(header, "content-type"))
  }
  const task = Taro.request({
    url: request.url,
    method: "GET",
    header: request.headers,
    enableChunked: true,
    responseType: "arraybuffer",
    timeout: 24 * 3600_000,
    success: (result) => {
      open(result.statusCode, result.header)
      handlers.onEnd()
    },
    fail: () => handlers.onEnd(),
  })
  // A runtime without chunked requests (an old base library): no stream, the page polls.
  if (typeof task.onChunkReceived !== "function") {
    handlers.onOpen(0, "")
    return () => task.abort?.()
  }
  task.onHeadersReceived?.((result) =>
    // The status arrives with the headers on current base libraries; older ones only say 2xx.
    open((result as { statusCode?: number }).statusCode ?? 200, result.header)
  )
  task.onChunkReceived((result) => handlers.onText(decode(result.data)))
  return () => task.abort()
}

/** The H5 build: fetch with a readable body; none where the browser has no fetch streams. */
function browserTransport(): EventStreamTransport | null {
  const fetchImpl = (globalThis as { fetch?: typeof fetch }).fetch
  if (typeof fetchImpl !== "function" || typeof ReadableStream === "undefined") return null
  return fetchEventTransport((url, init) => fetchImpl(url, init))
}

/**
 * The booking's timeline stream (`GET /store/escort-bookings/:id/events/stream`) with the
 * member's bearer token, which EventSource cannot send: chunked Taro.request on weapp, fetch
 * on H5. Undefined where neither can stream, and the page polls instead.
 */
export function escortTimelineStream(
  token: string,
  bookingId: string
): EscortSubscriptionOptions["stream"] {
  const transport = isWeapp() ? weappChunkedTransport : browserTransport()
  if (!transport || !appConfig.commerceUrl) return undefined
  const base = appConfig.commerceUrl.replace(/\/$/, "")
  return {
    url: `${base}/store/escort-bookings/${encodeURIComponent(bookingId)}/events/stream`,
    open: (url) =>
      openEventStream({
        url,
        transport,
        headers: {
          authorization: `Bearer ${token}`,
          ...(appConfig.publishableKey
            ? { "x-publishable-api-key": appConfig.publishableKey }
            : {}),
        },
      }),
  }
}
