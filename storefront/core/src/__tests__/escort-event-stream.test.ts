import {
  createSseParser,
  createUtf8ChunkDecoder,
  fetchEventTransport,
  openEventStream,
  type EventStreamTransport,
  type ServerSentEvent,
} from "../escort/event-stream"

const bytes = (text: string) => new TextEncoder().encode(text)

describe("SSE parsing", () => {
  it("reads events split anywhere across chunks, with ids, multi-line data, comments and retry", () => {
    const seen: ServerSentEvent[] = []
    const retries: number[] = []
    const parser = createSseParser(
      (event) => seen.push(event),
      (ms) => retries.push(ms)
    )
    const stream =
      ': heartbeat\n\nretry: 5000\n\nevent: timeline\nid: escev_1\ndata: {"a":1}\n\n' +
      "event: timeline\r\nid: escev_2\r\ndata: line one\r\ndata:line two\r\n\r\n" +
      "data: plain\n\n"
    // Every split point: a chunk may end mid-field, mid-"\r\n" or between events.
    for (let cut = 0; cut <= stream.length; cut++) {
      seen.length = 0
      const split = createSseParser((event) => seen.push(event))
      split.push(stream.slice(0, cut))
      split.push(stream.slice(cut))
      expect(seen).toEqual([
        { event: "timeline", data: '{"a":1}', id: "escev_1" },
        { event: "timeline", data: "line one\nline two", id: "escev_2" },
        { event: "message", data: "plain", id: "escev_2" },
      ])
      expect(split.lastEventId()).toBe("escev_2")
    }
    seen.length = 0
    parser.push(stream)
    expect(retries).toEqual([5000])
    expect(seen).toHaveLength(3)
  })

  it("keeps an event without its blank line until the line arrives", () => {
    const seen: ServerSentEvent[] = []
    const parser = createSseParser((event) => seen.push(event))
    parser.push("event: timeline\ndata: x\n")
    expect(seen).toEqual([])
    parser.push("\n")
    expect(seen).toEqual([{ event: "timeline", data: "x", id: null }])
  })

  it("decodes Chinese split between byte chunks", () => {
    const text = "陪同就医 · 挂号 ✓ 😀"
    const all = bytes(text)
    for (let cut = 0; cut <= all.length; cut++) {
      const decode = createUtf8ChunkDecoder()
      expect(decode(all.slice(0, cut)) + decode(all.slice(cut))).toBe(text)
    }
  })
})

/** A scripted transport: each connect is recorded and answered by the test. */
function scriptedTransport() {
  const connects: {
    headers: Record<string, string>
    open: (status: number, type?: string) => void
    text: (text: string) => void
    end: () => void
    aborted: boolean
  }[] = []
  const transport: EventStreamTransport = (request, handlers) => {
    const connect = {
      headers: request.headers,
      open: (status: number, type = "text/event-stream; charset=utf-8") =>
        handlers.onOpen(status, type),
      text: handlers.onText,
      end: handlers.onEnd,
      aborted: false,
    }
    connects.push(connect)
    return () => {
      connect.aborted = true
    }
  }
  return { transport, connects }
}

describe("openEventStream", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it("sends the token, delivers events, and reconnects after a drop with Last-Event-ID", () => {
    const { transport, connects } = scriptedTransport()
    const source = openEventStream({
      url: "http://shop/store/escort-bookings/escbk_1/events/stream",
      headers: { authorization: "Bearer tok" },
      transport,
      retryMs: 1000,
    })
    const got: string[] = []
    source.addEventListener("timeline", (event) => got.push(event.data))
    const errors: unknown[] = []
    source.onerror = (error) => errors.push(error)
    expect(connects[0].headers).toEqual({
      authorization: "Bearer tok",
      accept: "text/event-stream",
    })
    connects[0].open(200)
    expect(source.readyState).toBe(1)
    connects[0].text("event: timeline\nid: escev_7\ndata: {}\n\n")
    expect(got).toEqual(["{}"])

    connects[0].end()
    expect(source.readyState).toBe(0)
    expect(errors).toHaveLength(1)
    expect(connects).toHaveLength(1)
    jest.advanceTimersByTime(1000)
    expect(connects).toHaveLength(2)
    expect(connects[1].headers["last-event-id"]).toBe("escev_7")
    connects[1].open(200)
    connects[1].text('event: timeline\nid: escev_8\ndata: {"b":2}\n\n')
    expect(got).toEqual(["{}", '{"b":2}'])

    source.close()
    expect(connects[1].aborted).toBe(true)
    connects[1].end()
    jest.advanceTimersByTime(10_000)
    expect(connects).toHaveLength(2)
  })

  it("closes for good on a refusal or a page that is not a stream, so the caller polls", () => {
    for (const [status, type] of [
      [404, "application/json"],
      [200, "text/html"],
    ] as const) {
      const { transport, connects } = scriptedTransport()
      const source = openEventStream({ url: "u", headers: {}, transport })
      const errors: unknown[] = []
      source.onerror = (error) => errors.push(error)
      connects[0].open(status, type)
      expect(source.readyState).toBe(2)
      expect(errors).toHaveLength(1)
      connects[0].end()
      jest.advanceTimersByTime(60_000)
      expect(connects).toHaveLength(1)
    }
  })

  it("gives up after connects that never open, and follows the server's retry", () => {
    const { transport, connects } = scriptedTransport()
    const source = openEventStream({ url: "u", headers: {}, transport, maxFailures: 2 })
    connects[0].open(200)
    connects[0].text("retry: 200\n\n")
    connects[0].end()
    jest.advanceTimersByTime(199)
    expect(connects).toHaveLength(1)
    jest.advanceTimersByTime(1)
    connects[1].end()
    jest.advanceTimersByTime(200)
    expect(source.readyState).toBe(0)
    connects[2].end()
    expect(source.readyState).toBe(2)
    jest.advanceTimersByTime(60_000)
    expect(connects).toHaveLength(3)
  })
})

describe("fetchEventTransport", () => {
  it("passes the headers and the body's text as it is read, then says it ended", async () => {
    const chunks = [bytes("event: timeline\nda"), bytes("ta: 挂号\n\n")]
    const calls: { url: string; headers: Record<string, string> }[] = []
    const transport = fetchEventTransport(async (url, init) => {
      calls.push({ url, headers: init.headers })
      return {
        status: 200,
        headers: { get: () => "text/event-stream" },
        body: {
          getReader: () => ({
            read: async () =>
              chunks.length ? { done: false, value: chunks.shift() } : { done: true },
          }),
        },
      }
    })
    const texts: string[] = []
    const opened: [number, string][] = []
    await new Promise<void>((resolve) =>
      transport(
        { url: "http://shop/s", headers: { authorization: "Bearer tok" } },
        {
          onOpen: (status, type) => opened.push([status, type]),
          onText: (text) => texts.push(text),
          onEnd: resolve,
        }
      )
    )
    expect(calls).toEqual([{ url: "http://shop/s", headers: { authorization: "Bearer tok" } }])
    expect(opened).toEqual([[200, "text/event-stream"]])
    expect(texts.join("")).toBe("event: timeline\ndata: 挂号\n\n")
  })
})
