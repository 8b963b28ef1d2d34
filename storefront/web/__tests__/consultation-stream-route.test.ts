/** @jest-environment node */
import { ApiError } from "@health/core"

const stream = jest.fn()
let token: string | undefined = "tok_1"
jest.mock("@/lib/backends", () => ({
  consultations: { stream: (...args: unknown[]) => stream(...args) },
}))
jest.mock("@/lib/session", () => ({ readToken: async () => token }))

const relay = (
  require("@/app/account/consultations/[id]/stream/route") as typeof import("@/app/account/consultations/[id]/stream/route")
).GET
const params = { params: Promise.resolve({ id: "cons_1" }) }

beforeEach(() => {
  token = "tok_1"
  stream.mockReset()
})

describe("the consultation stream relay", () => {
  it("passes commerce's event stream on unbuffered, with the browser's Last-Event-ID", async () => {
    const frames = "id: m2\nevent: message\ndata: {}\n\n"
    stream.mockResolvedValue(new Response(frames))
    const request = new Request("http://web/account/consultations/cons_1/stream", {
      headers: { "last-event-id": "m1" },
    })
    const response = await relay(request, params)
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8")
    expect(response.headers.get("x-accel-buffering")).toBe("no")
    expect(await response.text()).toBe(frames)
    expect(stream).toHaveBeenCalledWith("tok_1", "cons_1", {
      lastEventId: "m1",
      signal: request.signal,
    })
  })

  it("answers another member's consultation 404, a signed-out visitor 401, and an outage 204", async () => {
    stream.mockRejectedValueOnce(new ApiError(404, "未找到该问诊"))
    const theirs = await relay(new Request("http://web/x"), params)
    expect([theirs.status, (await theirs.json()).message]).toEqual([404, "未找到该问诊"])
    stream.mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
    expect((await relay(new Request("http://web/x"), params)).status).toBe(204)
    token = undefined
    expect((await relay(new Request("http://web/x"), params)).status).toBe(401)
    expect(stream).toHaveBeenCalledTimes(2)
  })
})
