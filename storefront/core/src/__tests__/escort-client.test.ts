import type { EscortBookingDetail, EscortService, EscortTimelineEvent } from "../escort/types"
import { createEscortClient } from "../escort/escort-client"
import { subscribeEscortBooking, type EventSourceLike } from "../escort/subscribe"
import {
  applyEscortTimelineEvent,
  escortBookingActions,
  escortPriceFen,
  escortTimeline,
} from "../escort/timeline"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createEscortClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

const event = (
  id: string,
  status: string,
  at: string,
  extra: Partial<EscortTimelineEvent> = {}
): EscortTimelineEvent => ({
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

const bookingWith = (
  status: EscortBookingDetail["status"],
  events: EscortTimelineEvent[]
): EscortBookingDetail => ({
  id: "escbk_1",
  status,
  status_label: "",
  service: { id: "prod_1", name: "半日陪诊" },
  hospital: { id: null, name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: { name: "张桂兰", id_number: "1101**********002X" },
  meeting_point: "门诊楼一楼大厅",
  needs: [],
  price_fen: 19900,
  created_at: "2026-12-06T08:00:00.000Z",
  events,
})

const halfDay: EscortService = {
  id: "prod_1",
  variant_id: "variant_1",
  title: "半日陪诊",
  description: null,
  price_fen: 19900,
  duration_hours: 4,
  extra_hour_fen: 5000,
  extras: [
    { code: "wheelchair", label: "轮椅协助", price_fen: 3000 },
    { code: "dialect", label: "方言沟通", price_fen: 2000 },
  ],
}

describe("escort client", () => {
  it("lists the services without a member, and the member's bookings with their token", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { services: [halfDay] } },
      { body: { bookings: [{ id: "escbk_1" }] } },
      { body: { booking: { id: "escbk_1", events: [] } } }
    )
    const api = client(fetch)
    expect(await api.services()).toEqual([halfDay])
    expect(await api.list("tok")).toEqual([{ id: "escbk_1" }])
    expect(await api.get("tok", "escbk/1")).toEqual({ id: "escbk_1", events: [] })
    expect(calls.map((c) => c.url)).toEqual([
      "http://shop/store/escort-services",
      "http://shop/store/escort-bookings",
      "http://shop/store/escort-bookings/escbk%2F1",
    ])
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
    expect(headersOf(calls[1].init).authorization).toBe("Bearer tok")
    expect(headersOf(calls[1].init)["x-publishable-api-key"]).toBe("pk")
    expect(calls.every((c) => c.init?.cacheHint === "no-store")).toBe(true)
  })

  it("books, pays, cancels and confirms with the bodies commerce expects", async () => {
    const action = { kind: "qr_code", code_url: "weixin://wxpay/1", expires_at: "x" }
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { booking: { id: "escbk_1", status: "pending_payment" } } },
      { body: { action, cart_id: "cart_1" } },
      { body: { booking: { id: "escbk_1", status: "refunded" }, refund_fen: 15920 } },
      { body: { booking: { id: "escbk_1", status: "confirmed" } } }
    )
    const api = client(fetch)
    const booking = {
      variant_id: "variant_1",
      extras: ["wheelchair"],
      hospital_name: "中南大学湘雅医院",
      department: "心血管内科",
      city: "长沙市",
      date: "2026-12-20",
      time_window: { start: "08:00", end: "12:00" },
      person: { name: "张桂兰", id_number: "11010519491231002X" },
      meeting_point: "门诊楼一楼大厅",
      needs: ["轮椅"],
      consents: [
        { kind: "privacy_policy" as const, version: "2026-11" },
        { kind: "escort_sharing" as const, version: "2026-12" },
      ],
    }
    expect((await api.create("tok", booking)).status).toBe("pending_payment")
    expect(
      await api.pay("tok", "escbk_1", {
        provider_id: "pp_wechatpay_wechatpay",
        channel: "pc_browser",
        store_credit_fen: 1000,
      })
    ).toEqual({ action, cart_id: "cart_1" })
    expect((await api.cancel("tok", "escbk_1")).refund_fen).toBe(15920)
    expect((await api.confirm("tok", "escbk_1")).status).toBe("confirmed")
    expect(calls.map((c) => [c.init?.method, new URL(c.url).pathname, c.init?.body])).toEqual([
      ["POST", "/store/escort-bookings", JSON.stringify(booking)],
      [
        "POST",
        "/store/escort-bookings/escbk_1/pay",
        JSON.stringify({
          payment_method: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
          store_credit_fen: 1000,
        }),
      ],
      ["POST", "/store/escort-bookings/escbk_1/cancel", "{}"],
      ["POST", "/store/escort-bookings/escbk_1/confirm", "{}"],
    ])
  })

  it("opens the timeline stream with the token, resuming after the last event seen", async () => {
    const { fetch, calls } = recordingFetch({ body: {} })
    const response = await client(fetch).stream("tok", "escbk_1", { lastEventId: "escev_3" })
    expect(response.ok).toBe(true)
    expect(calls[0].url).toBe("http://shop/store/escort-bookings/escbk_1/events/stream")
    expect(headersOf(calls[0].init)).toMatchObject({
      authorization: "Bearer tok",
      accept: "text/event-stream",
      "last-event-id": "escev_3",
    })
    const { fetch: refusing } = recordingFetch({
      status: 404,
      body: { message: "未找到该陪诊订单" },
    })
    await expect(client(refusing).stream("tok", "escbk_x")).rejects.toThrow("未找到该陪诊订单")
  })

  it("passes commerce's Chinese refusal on", async () => {
    const { fetch } = recordingFetch({
      status: 409,
      body: { type: "conflict", message: "订单当前为「已接单」，服务完成后才能确认" },
    })
    const refused = await client(fetch)
      .confirm("tok", "escbk_1")
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).status).toBe(409)
    expect((refused as ApiError).message).toBe("订单当前为「已接单」，服务完成后才能确认")
  })
})

describe("escort timeline picture", () => {
  const events = [
    event("e1", "pending_payment", "2026-12-06T08:00:00.000Z", { actor_type: "customer" }),
    event("e2", "awaiting_escort", "2026-12-06T08:01:00.000Z"),
    event("e3", "accepted", "2026-12-06T08:05:00.000Z"),
    event("e4", "departed", "2026-12-06T08:30:00.000Z"),
  ]

  it("stamps each reached step, highlights the current one and keeps 报备 apart", () => {
    const report = event("e5", "departed", "2026-12-06T08:40:00.000Z", {
      flagged: true,
      report_type: "traffic",
      note: "堵车，预计晚到 10 分钟",
    })
    const picture = escortTimeline(bookingWith("departed", [...events, report]))
    expect(picture.steps.map((s) => [s.label, s.state, s.at])).toEqual([
      ["待支付", "done", "2026-12-06T08:00:00.000Z"],
      ["待接单", "done", "2026-12-06T08:01:00.000Z"],
      ["已接单", "done", "2026-12-06T08:05:00.000Z"],
      ["已出发", "current", "2026-12-06T08:30:00.000Z"],
      ["已到达", "upcoming", null],
      ["陪同就医", "upcoming", null],
      ["服务完成", "upcoming", null],
      ["已确认", "upcoming", null],
      ["已评价", "upcoming", null],
    ])
    expect(picture.ending).toBeNull()
    expect(picture.reports.map((r) => r.note)).toEqual(["堵车，预计晚到 10 分钟"])
  })

  it("lists the SOP steps recorded during 陪同就医 apart, without moving the booking's steps", () => {
    const during = [
      ...events,
      event("e5", "arrived", "2026-12-06T09:00:00.000Z"),
      event("e6", "accompanying", "2026-12-06T09:05:00.000Z"),
      event("e7", "sop_step", "2026-12-06T09:10:00.000Z", { sop_step: "挂号", note: "12 号" }),
      event("e8", "sop_step", "2026-12-06T09:40:00.000Z", { sop_step: "候诊" }),
    ]
    const picture = escortTimeline(bookingWith("accompanying", during))
    expect(picture.sopSteps.map((s) => [s.sop_step, s.at, s.note])).toEqual([
      ["挂号", "2026-12-06T09:10:00.000Z", "12 号"],
      ["候诊", "2026-12-06T09:40:00.000Z", null],
    ])
    expect(picture.steps.find((s) => s.state === "current")).toMatchObject({
      status: "accompanying",
      at: "2026-12-06T09:05:00.000Z",
    })
    expect(picture.reports).toEqual([])
    const pushed = applyEscortTimelineEvent(
      bookingWith("accompanying", during.slice(0, 7)),
      during[7]
    )
    expect([pushed.status, escortTimeline(pushed).sopSteps.length]).toEqual(["accompanying", 2])
  })

  it("shows a cancelled booking's reached steps and how it ended", () => {
    const cancelled = event("e9", "refunded", "2026-12-06T09:00:00.000Z")
    const picture = escortTimeline(bookingWith("refunded", [...events.slice(0, 3), cancelled]))
    expect(picture.steps.filter((s) => s.state === "done").map((s) => s.label)).toEqual([
      "待支付",
      "待接单",
      "已接单",
    ])
    expect(picture.steps.some((s) => s.state === "current")).toBe(false)
    expect(picture.ending).toEqual({
      status: "refunded",
      label: "已退款",
      at: "2026-12-06T09:00:00.000Z",
    })
  })

  it("applies a pushed event once, moving the status only for steps", () => {
    const start = bookingWith("accepted", events.slice(0, 3))
    const moved = applyEscortTimelineEvent(start, events[3])
    expect([moved.status, moved.status_label, moved.events.length]).toEqual([
      "departed",
      "已出发",
      4,
    ])
    expect(applyEscortTimelineEvent(moved, events[3])).toBe(moved)
    const report = event("e5", "departed", "2026-12-06T08:40:00.000Z", { flagged: true })
    expect(applyEscortTimelineEvent(moved, report).status).toBe("departed")
  })

  it("offers pay, cancel and confirm only where the rules allow", () => {
    expect(escortBookingActions("pending_payment")).toEqual({
      pay: true,
      cancel: true,
      confirm: false,
    })
    expect(escortBookingActions("accepted")).toEqual({ pay: false, cancel: true, confirm: false })
    expect(escortBookingActions("arrived")).toEqual({ pay: false, cancel: false, confirm: false })
    expect(escortBookingActions("completed")).toEqual({ pay: false, cancel: false, confirm: true })
  })

  it("previews the price as commerce's rule computes it, in fen", () => {
    expect(escortPriceFen(halfDay, { start: "08:00", end: "12:00", extras: [] })).toBe(19900)
    // 4 h 30 min: one started hour over the 4 covered, plus the wheelchair.
    expect(escortPriceFen(halfDay, { start: "08:00", end: "12:30", extras: ["wheelchair"] })).toBe(
      19900 + 5000 + 3000
    )
    expect(escortPriceFen(halfDay, { extras: ["dialect", "unknown"] })).toBe(21900)
  })
})

/** An EventSource the test drives: `push` delivers a frame, `fail` closes it for good. */
function fakeEventSource() {
  const opened: string[] = []
  let listener: ((event: { data: string }) => void) | undefined
  const source: EventSourceLike & { readyState: number } = {
    readyState: 1,
    onerror: null,
    addEventListener: (type, handler) => {
      if (type === "timeline") listener = handler
    },
    close: () => {
      source.readyState = 2
    },
  }
  return {
    opened,
    source,
    open: (url: string) => {
      opened.push(url)
      return source
    },
    push: (data: unknown) => listener?.({ data: JSON.stringify(data) }),
    fail: () => {
      source.readyState = 2
      source.onerror?.({})
    },
  }
}

describe("subscribeEscortBooking", () => {
  const first = [
    event("e1", "pending_payment", "2026-12-06T08:00:00.000Z"),
    event("e2", "awaiting_escort", "2026-12-06T08:01:00.000Z"),
  ]
  const flush = () => new Promise((resolve) => setImmediate(resolve))

  afterEach(() => jest.useRealTimers())

  it("shows the booking, then each pushed event without reloading", async () => {
    const es = fakeEventSource()
    const load = jest.fn(async () => bookingWith("awaiting_escort", first))
    const seen: string[] = []
    const stop = subscribeEscortBooking({
      load,
      onChange: (b) => seen.push(`${b.status}:${b.events.length}`),
      stream: { url: "/api/escort/bookings/escbk_1/stream", open: es.open },
    })
    await flush()
    es.push(event("e3", "accepted", "2026-12-06T08:05:00.000Z"))
    es.push(event("e3", "accepted", "2026-12-06T08:05:00.000Z"))
    es.push(event("e4", "departed", "2026-12-06T08:30:00.000Z"))
    expect(seen).toEqual(["awaiting_escort:2", "accepted:3", "departed:4"])
    expect(es.opened).toEqual(["/api/escort/bookings/escbk_1/stream"])
    expect(load).toHaveBeenCalledTimes(1)
    stop()
    expect(es.source.readyState).toBe(2)
  })

  it("polls when the platform has no stream, and stops once the booking is final", async () => {
    jest.useFakeTimers()
    const answers = [
      bookingWith("completed", first),
      bookingWith("completed", first),
      bookingWith("confirmed", [...first, event("e9", "confirmed", "2026-12-06T12:00:00.000Z")]),
    ]
    const load = jest.fn(async () => answers.shift() ?? bookingWith("confirmed", first))
    const seen: string[] = []
    subscribeEscortBooking({ load, onChange: (b) => seen.push(b.status), pollMs: 3000 })
    await jest.advanceTimersByTimeAsync(0)
    expect(seen).toEqual(["completed"])
    await jest.advanceTimersByTimeAsync(3000)
    expect(seen).toEqual(["completed"])
    await jest.advanceTimersByTimeAsync(3000)
    expect(seen).toEqual(["completed", "confirmed"])
    await jest.advanceTimersByTimeAsync(30_000)
    expect(load).toHaveBeenCalledTimes(3)
  })

  it("falls back to polling when the stream closes for good, reporting failed reads in Chinese", async () => {
    jest.useFakeTimers()
    const es = fakeEventSource()
    const answers: (EscortBookingDetail | Error)[] = [
      bookingWith("awaiting_escort", first),
      new ApiError(503, "服务暂时不可用"),
      bookingWith("accepted", [...first, event("e3", "accepted", "2026-12-06T08:05:00.000Z")]),
    ]
    const load = jest.fn(async () => {
      const next = answers.shift()!
      if (next instanceof Error) throw next
      return next
    })
    const seen: string[] = []
    const errors: string[] = []
    const stop = subscribeEscortBooking({
      load,
      onChange: (b) => seen.push(b.status),
      onError: (message) => errors.push(message),
      stream: { url: "/stream", open: es.open },
      pollMs: 2000,
    })
    await jest.advanceTimersByTimeAsync(0)
    es.fail()
    await jest.advanceTimersByTimeAsync(2000)
    expect(errors).toEqual(["服务暂时不可用"])
    await jest.advanceTimersByTimeAsync(2000)
    expect(seen).toEqual(["awaiting_escort", "accepted"])
    stop()
  })
})
