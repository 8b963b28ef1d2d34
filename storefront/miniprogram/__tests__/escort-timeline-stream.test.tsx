import { TextEncoder } from "util"
import Taro from "@tarojs/taro"
import { act, render, screen } from "@testing-library/react"
import EscortBookingPage, { ESCORT_POLL_MS } from "../src/packages/escort/detail/index"
import { weappChunkedStreamTransport as weappChunkedTransport } from "../src/lib/member-event-stream"
import { session } from "../src/lib/session"
import { calls, fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

const event = (id: string, status: string, at: string, extra: Record<string, unknown> = {}) => ({
  id,
  status,
  status_label: null,
  at,
  actor_type: "escort",
  note: null,
  location: null,
  report_type: null,
  flagged: false,
  ...extra,
})

const EARLY = [
  event("e1", "pending_payment", "2026-12-06T00:00:00.000Z"),
  event("e2", "awaiting_escort", "2026-12-06T00:05:00.000Z"),
  event("e3", "accepted", "2026-12-06T00:30:00.000Z"),
]

const booking = {
  id: "escbk_1",
  status: "accepted",
  status_label: "已接单",
  service: { id: "prod_half", name: "半日陪诊" },
  hospital: { id: null, name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张桂兰", id_number: "1101**********002X" },
  meeting_point: "门诊楼一楼大厅",
  needs: [],
  price_fen: 19900,
  created_at: "2026-12-06T00:00:00.000Z",
  events: EARLY,
}

const frame = (e: { id: string }) => `event: timeline\nid: ${e.id}\ndata: ${JSON.stringify(e)}\n\n`

/** A streaming fetch the test feeds: each request gets a body it can push text into or end. */
function streamingFetch() {
  const opened: {
    url: string
    headers: Record<string, string>
    push: (text: string) => void
    end: () => void
  }[] = []
  const fetch = jest.fn(async (url: string, init: { headers: Record<string, string> }) => {
    const queue: ({ done: false; value: Uint8Array } | { done: true })[] = []
    let wake: (() => void) | null = null
    const settle = (item: (typeof queue)[number]) => {
      queue.push(item)
      wake?.()
    }
    opened.push({
      url,
      headers: init.headers,
      push: (text) => settle({ done: false, value: new TextEncoder().encode(text) }),
      end: () => settle({ done: true }),
    })
    return {
      status: 200,
      headers: { get: () => "text/event-stream" },
      body: {
        getReader: () => ({
          read: async () => {
            while (!queue.length) await new Promise<void>((resolve) => (wake = resolve))
            return queue.shift()!
          },
        }),
      },
    }
  })
  return { fetch, opened }
}

const world = globalThis as Record<string, unknown>

describe("陪诊 detail: the timeline pushed over the stream", () => {
  beforeEach(() => {
    stand.reset()
    session.setToken("tok_1")
  })
  afterEach(() => {
    jest.useRealTimers()
    delete world.fetch
    delete world.ReadableStream
  })

  it("opens the stream with the member's token (H5) and shows each step without polling, resuming after a drop", async () => {
    jest.useFakeTimers()
    const { fetch, opened } = streamingFetch()
    world.fetch = fetch
    world.ReadableStream ??= class {}
    fakeBackend({ "GET /store/escort-bookings/escbk_1": { booking } })
    stand.params = { id: "escbk_1" }
    render(<EscortBookingPage />)
    await act(() => jest.advanceTimersByTimeAsync(0))
    expect(opened).toHaveLength(1)
    expect(opened[0].url).toBe("http://commerce.test/store/escort-bookings/escbk_1/events/stream")
    expect(opened[0].headers).toMatchObject({
      authorization: "Bearer tok_1",
      "x-publishable-api-key": "pk_test",
      accept: "text/event-stream",
    })

    // The stream first replays what the page has, then each new step as it is written.
    await act(async () => {
      for (const e of EARLY) opened[0].push(frame(e))
      opened[0].push(frame(event("e4", "departed", "2026-12-06T01:00:00.000Z")))
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(screen.getByTestId("escort-status").textContent).toBe("已出发")
    expect(screen.getByTestId("timeline-departed").dataset.state).toBe("current")

    // Dropped: it comes back with the last event's id, and the steps missed arrive.
    await act(async () => {
      opened[0].end()
      await jest.advanceTimersByTimeAsync(3000)
    })
    expect(opened).toHaveLength(2)
    expect(opened[1].headers["last-event-id"]).toBe("e4")
    await act(async () => {
      opened[1].push(frame(event("e5", "arrived", "2026-12-06T01:30:00.000Z")))
      opened[1].push(frame(event("e6", "accompanying", "2026-12-06T01:40:00.000Z")))
      opened[1].push(
        frame(event("e7", "sop_step", "2026-12-06T01:50:00.000Z", { sop_step: "挂号" }))
      )
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(screen.getByTestId("escort-status").textContent).toBe("陪同就医")
    expect(screen.getByTestId("timeline-sop-step").dataset.step).toBe("挂号")

    // While the stream runs nothing polls.
    await act(() => jest.advanceTimersByTimeAsync(ESCORT_POLL_MS * 2))
    expect(calls().filter((call) => call === "GET /store/escort-bookings/escbk_1")).toHaveLength(2)
  })

  it("polls slowly when the stream is refused", async () => {
    jest.useFakeTimers()
    world.fetch = jest.fn(async () => ({
      status: 404,
      headers: { get: () => "application/json" },
      body: null,
    }))
    world.ReadableStream ??= class {}
    let current = booking
    fakeBackend({ "GET /store/escort-bookings/escbk_1": () => ({ body: { booking: current } }) })
    stand.params = { id: "escbk_1" }
    render(<EscortBookingPage />)
    await act(() => jest.advanceTimersByTimeAsync(0))
    current = {
      ...booking,
      status: "departed",
      status_label: "已出发",
      events: [...EARLY, event("e4", "departed", "2026-12-06T01:00:00.000Z")],
    }
    await act(() => jest.advanceTimersByTimeAsync(ESCORT_POLL_MS))
    expect(screen.getByTestId("escort-status").textContent).toBe("已出发")
  })
})

describe("WeChat's chunked transport", () => {
  const taro = Taro as unknown as Record<string, unknown>
  const original = taro.request
  afterEach(() => {
    taro.request = original
  })

  it("asks for chunks with the headers, decodes split UTF-8 and reports the end", () => {
    const task = {
      headers: null as null | ((r: unknown) => void),
      chunk: null as null | ((r: { data: ArrayBuffer }) => void),
      aborted: false,
      onHeadersReceived(callback: (r: unknown) => void) {
        this.headers = callback
      },
      onChunkReceived(callback: (r: { data: ArrayBuffer }) => void) {
        this.chunk = callback
      },
      abort() {
        this.aborted = true
      },
    }
    let options: Record<string, any> = {}
    taro.request = (given: Record<string, unknown>) => {
      options = given
      return task
    }
    const seen: unknown[] = []
    const abort = weappChunkedTransport(
      { url: "http://commerce.test/s", headers: { authorization: "Bearer tok_1" } },
      {
        onOpen: (status, type) => seen.push(["open", status, type]),
        onText: (text) => seen.push(["text", text]),
        onEnd: () => seen.push(["end"]),
      }
    )
    expect(options).toMatchObject({
      url: "http://commerce.test/s",
      method: "GET",
      header: { authorization: "Bearer tok_1" },
      enableChunked: true,
      responseType: "arraybuffer",
    })
    task.headers!({ statusCode: 200, header: { "Content-Type": "text/event-stream" } })
    const bytes = new TextEncoder().encode("data: 挂号\n\n")
    task.chunk!({ data: bytes.slice(0, 7).buffer })
    task.chunk!({ data: bytes.slice(7).buffer })
    options.success({ statusCode: 200, header: {} })
    expect(seen).toEqual([
      ["open", 200, "text/event-stream"],
      ["text", "data: "],
      ["text", "挂号\n\n"],
      ["end"],
    ])
    abort()
    expect(task.aborted).toBe(true)
  })
})
