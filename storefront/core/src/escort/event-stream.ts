import type { EventSourceLike } from "./subscribe"

/** One Server-Sent Event as the stream delivered it. */
export type ServerSentEvent = { event: string; data: string; id: string | null }

/**
 * Reads a text/event-stream as it arrives, chunk by chunk (a chunk may end mid-line): calls
 * `onEvent` for each complete event and `onRetry` for a `retry:` field. Comments
 * (`: heartbeat`) are skipped. The ids are the stream's `id:` lines, for Last-Event-ID.
 */
export function createSseParser(
  onEvent: (event: ServerSentEvent) => void,
  onRetry: (ms: number) => void = () => {}
) {
  let buffer = ""
  let event = ""
  let data: string[] = []
  let id: string | null = null
  let sawField = false

  const dispatch = () => {
    if (data.length) onEvent({ event: event || "message", data: data.join("\n"), id })
    event = ""
    data = []
    sawField = false
  }

  const line = (text: string) => {
    if (text === "") return sawField || data.length ? dispatch() : undefined
    if (text.startsWith(":")) return
    const colon = text.indexOf(":")
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? "" : text.slice(colon + 1)
    if (value.startsWith(" ")) value = value.slice(1)
    sawField = true
    if (field === "event") event = value
    else if (field === "data") data.push(value)
    else if (field === "id" && !value.includes("\0")) id = value
    else if (field === "retry" && /^\d+$/.test(value)) onRetry(Number(value))
  }

  return {
    /** Feeds the next piece of the stream's text. */
    push(chunk: string) {
      buffer += chunk
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/)
        // A lone "\r" at the end may be the first half of "\r\n": wait for the next chunk.
        if (end < 0 || (buffer[end] === "\r" && end === buffer.length - 1)) return
        const breakLength = buffer.startsWith("\r\n", end) ? 2 : 1
        line(buffer.slice(0, end))
        buffer = buffer.slice(end + breakLength)
      }
    },
    /** The id of the last event seen, sent back as Last-Event-ID on reconnecting. */
    lastEventId: () => id,
  }
}

/**
 * Decodes UTF-8 bytes that arrive in pieces (a Chinese character may be split between two
 * chunks). WeChat's chunked request hands over ArrayBuffers and has no TextDecoder.
 */
export function createUtf8ChunkDecoder() {
  let pending: number[] = []
  return (chunk: ArrayBuffer | Uint8Array): string => {
    const bytes = [...pending, ...new Uint8Array(chunk as ArrayBuffer)]
    // Keep back an incomplete character at the end for the next chunk.
    let cut = bytes.length
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const byte = bytes[bytes.length - back]
      if ((byte & 0xc0) !== 0x80) {
        const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
        if (size > back) cut = bytes.length - back
        break
      }
    }
    pending = bytes.slice(cut)
    let text = ""
    for (let i = 0; i < cut; ) {
      const byte = bytes[i]
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
      let code = size === 1 ? byte : byte & (0xff >> (size + 1))
      for (let k = 1; k < size; k++) code = (code << 6) | (bytes[i + k] & 0x3f)
      text += String.fromCodePoint(code)
      i += size
    }
    return text
  }
}

/**
 * How bytes reach the reader: one request, its answer's status and then its text as it
 * comes. `fetchEventTransport` (browsers, the mini-program's H5) and a chunked
 * `Taro.request` (WeChat) implement it. Returns the function that aborts the request.
 */
export type EventStreamTransport = (
  request: { url: string; headers: Record<string, string> },
  handlers: {
    /** The answer's status and content type, before any text. */
    onOpen: (status: number, contentType: string) => void
    onText: (text: string) => void
    /** The stream ended (the server closed it, or the network dropped it). */
    onEnd: () => void
  }
) => () => void

type FetchForStream = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal }
) => Promise<{
  status: number
  headers: { get(name: string): string | null }
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } } | null
}>

/** The transport over `fetch` with a readable body, which (unlike EventSource) sends headers. */
export function fetchEventTransport(fetchImpl: FetchForStream): EventStreamTransport {
  return (request, handlers) => {
    const controller = new AbortController()
    void (async () => {
      try {
        const response = await fetchImpl(request.url, {
          headers: request.headers,
          signal: controller.signal,
        })
        handlers.onOpen(response.status, response.headers.get("content-type") ?? "")
        const reader = response.body?.getReader()
        const decode = createUtf8ChunkDecoder()
        while (reader) {
          const { done, value } = await reader.read()
          if (done) break
          if (value) handlers.onText(decode(value))
        }
      } catch {
        // Aborted or dropped: onEnd decides whether to come back.
      }
      if (!controller.signal.aborted) handlers.onEnd()
    })()
    return () => controller.abort()
  }
}

const CONNECTING = 0
const OPEN = 1
const CLOSED = 2

/**
 * An EventSource that sends headers (the member's bearer token), over any transport: it
 * reconnects after a dropped stream with Last-Event-ID, waiting `retry` ms (the server's
 * `retry:` field wins), and closes for good (readyState CLOSED, then onerror) when the answer
 * is not a 2xx event stream (401, 404, a proxy's page) or `maxFailures` connects in a row
 * never opened, so the subscription falls back to polling.
 */
export function openEventStream(options: {
  url: string
  headers: Record<string, string>
  transport: EventStreamTransport
  retryMs?: number
  maxFailures?: number
}): EventSourceLike {
  const maxFailures = options.maxFailures ?? 3
  let failures = 0
  const listeners = new Map<string, ((event: { data: string }) => void)[]>()
  let retryMs = options.retryMs ?? 3000
  let timer: ReturnType<typeof setTimeout> | undefined
  let abort: (() => void) | null = null
  const parser = createSseParser(
    (event) => listeners.get(event.event)?.forEach((listener) => listener({ data: event.data })),
    (ms) => (retryMs = ms)
  )

  const source: EventSourceLike & { readyState: number } = {
    readyState: CONNECTING,
    onerror: null,
    addEventListener(type, listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener])
    },
    close() {
      source.readyState = CLOSED
      if (timer) clearTimeout(timer)
      abort?.()
      abort = null
    },
  }

  const connect = () => {
    if (source.readyState === CLOSED) return
    const lastId = parser.lastEventId()
    let refused = false
    let opened = false
    abort = options.transport(
      {
        url: options.url,
        headers: {
          ...options.headers,
          accept: "text/event-stream",
          ...(lastId ? { "last-event-id": lastId } : {}),
        },
      },
      {
        onOpen(status, contentType) {
          if (source.readyState === CLOSED) return
          if (status < 200 || status >= 300 || !contentType.includes("text/event-stream")) {
            refused = true
            source.close()
            source.onerror?.({ status })
            return
          }
          source.readyState = OPEN
          opened = true
          failures = 0
        },
        onText(text) {
          if (source.readyState === OPEN) parser.push(text)
        },
        onEnd() {
          if (refused || source.readyState === CLOSED) return
          if (!opened && ++failures >= maxFailures) {
            source.close()
            source.onerror?.({ failures })
            return
          }
          source.readyState = CONNECTING
          source.onerror?.({ reconnecting: true })
          timer = setTimeout(connect, retryMs)
        },
      }
    )
  }

  connect()
  return source
}
