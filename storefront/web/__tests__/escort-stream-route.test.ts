/** @jest-environment node */
import { ApiError } from "@health/core"

const stream = jest.fn()
const get = jest.fn()
let token: string | undefined = "tok_1"
jest.mock("@/lib/backends", () => ({
  escort: {
    stream: (...args: unknown[]) => stream(...args),
    get: (...args: unknown[]) => get(...args),
  },
}))
jest.mock("@/lib/session", () => ({ readToken: async () => token }))

const relay = (
  require("@/app/api/escort/bookings/[id]/stream/route") as typeof import("@/app/api/escort/bookings/[id]/stream/route")
).GET
const read = (
  require("@/app/api/escort/bookings/[id]/route") as typeof import("@/app/api/escort/bookings/[id]/route")
).GET
const params = { params: Promise.resolve({ id: "escbk_1" }) }

beforeEach(() => {
  token = "tok_1"
  stream.mockReset()
  get.mockReset()
})

describe("the escort timeline relay", () => {
  it("passes commerce's event stream on unbuffered, with the browser's Last-Event-ID", async () => {
    const frames = "retry: 3000\n\nid: e2\nevent: timeline\ndata: {}\n\n"
    stream.mockResolvedValue(new Response(frames))
    const request = new Request("http://web/api/escort/bookings/escbk_1/stream", {
      headers: { "last-event-id": "e1" },
    })
    const response = await relay(request, params)
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8")
    expect(response.headers.get("x-accel-buffering")).toBe("no")
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform")
    expect(await response.text()).toBe(frames)
    expect(stream).toHaveBeenCalledWith("tok_1", "escbk_1", {
      lastEventId: "e1",
      signal: request.signal,
    })
  })

  it("answers another member's booking 404 in Chinese, a signed-out visitor 401, and an outage 204 (stop, poll)", async () => {
    stream.mockRejectedValueOnce(new ApiError(404, "未找到该陪诊订单"))
    const theirs = await relay(new Request("http://web/x"), params)
    expect([theirs.status, (await theirs.json()).message]).toEqual([404, "未找到该陪诊订单"])

    stream.mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
    expect((await relay(new Request("http://web/x"), params)).status).toBe(204)

    token = undefined
    const visitor = await relay(new Request("http://web/x"), params)
    expect([visitor.status, (await visitor.json()).message]).toEqual([
      401,
      "登录已过期，请重新登录",
    ])
    expect(stream).toHaveBeenCalledTimes(2)
  })

  it("reads the booking for the polling fallback, never cached", async () => {
    get.mockResolvedValue({ id: "escbk_1", status: "accepted", events: [] })
    const response = await read(new Request("http://web/x"), params)
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect(await response.json()).toEqual({
      booking: { id: "escbk_1", status: "accepted", events: [] },
    })
    get.mockRejectedValueOnce(new ApiError(404, "未找到该陪诊订单"))
    const missing = await read(new Request("http://web/x"), params)
    expect([missing.status, (await missing.json()).message]).toEqual([404, "未找到该陪诊订单"])
  })
})
