import Taro from "@tarojs/taro"
import {
  createUtf8ChunkDecoder,
  fetchEventTransport,
  openEventStream,
  type EventSourceLike,
  type EventStreamTransport,
} from "@health/core"
import { appConfig, isWeapp } from "./config"

const headerValue = (header: Record<string, unknown> | undefined, name: string) =>
  String(Object.entries(header ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? "")

/**
 * WeChat's chunked transfer: Taro.request with `enableChunked`, the stream's bytes from
 * `onChunkReceived` (ArrayBuffers, decoded here: weapp has no TextDecoder).
 */
export const weappChunkedStreamTransport: EventStreamTransport = (request, handlers) => {
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
 * A member's SSE stream on commerce (`path` such as `/store/group-sessions/:id/events/stream`)
 * with their bearer token, which EventSource cannot send: chunked Taro.request on weapp, fetch
 * on H5. Undefined where neither can stream, and the page polls instead.
 */
export function memberEventStream(
  token: string,
  path: string
): { url: string; open: (url: string) => EventSourceLike } | undefined {
  const transport = isWeapp() ? weappChunkedStreamTransport : browserTransport()
  if (!transport || !appConfig.commerceUrl) return undefined
  return {
    url: `${appConfig.commerceUrl.replace(/\/$/, "")}${path}`,
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
