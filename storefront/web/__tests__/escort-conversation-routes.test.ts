/** @jest-environment node */
import { ApiError } from "@health/core"

const core = {
  listEscortMessages: jest.fn(),
  openEscortMessageImage: jest.fn(),
  archiveEscortReportDocument: jest.fn(),
}
let token: string | undefined = "tok_1"
jest.mock("@health/core", () => ({
  ...jest.requireActual("@health/core"),
  listEscortMessages: (...args: unknown[]) => core.listEscortMessages(...args),
  openEscortMessageImage: (...args: unknown[]) => core.openEscortMessageImage(...args),
  archiveEscortReportDocument: (...args: unknown[]) => core.archiveEscortReportDocument(...args),
}))
jest.mock("@/lib/session", () => ({ readToken: async () => token }))
jest.mock("@/lib/env", () => ({ env: { medusaUrl: "http://commerce", publishableKey: "pk" } }))

const messages = require("@/app/api/escort/bookings/[id]/messages/route")
const image = require("@/app/api/escort/bookings/[id]/messages/images/[upload_id]/route")
const archive = require("@/app/api/escort/bookings/[id]/service-report/documents/[document_id]/archive/route")

beforeEach(() => {
  token = "tok_1"
  Object.values(core).forEach((fn) => fn.mockReset())
})

describe("the 陪诊 conversation relays", () => {
  it("reads the member's messages after one, with the member's token", async () => {
    core.listEscortMessages.mockResolvedValue([{ id: "m2" }])
    const response = await messages.GET(
      new Request("http://web/api/escort/bookings/escbk_1/messages?after=m1"),
      { params: Promise.resolve({ id: "escbk_1" }) }
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ messages: [{ id: "m2" }] })
    expect(core.listEscortMessages.mock.calls[0].slice(1)).toEqual([
      "tok_1",
      "member",
      "escbk_1",
      "m1",
    ])
  })

  it("passes a picture's bytes on uncached, only from the member's booking path", async () => {
    core.openEscortMessageImage.mockResolvedValue(
      new Response(new Uint8Array([0xff, 0xd8, 0xff]), {
        headers: { "content-type": "image/jpeg" },
      })
    )
    const response = await image.GET(new Request("http://web/x"), {
      params: Promise.resolve({ id: "escbk_1", upload_id: "escupl_1" }),
    })
    expect([response.status, response.headers.get("content-type")]).toEqual([200, "image/jpeg"])
    expect(response.headers.get("cache-control")).toBe("private, no-store")
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]))
    expect(core.openEscortMessageImage.mock.calls[0][2]).toBe(
      "/store/escort-bookings/escbk_1/messages/images/escupl_1"
    )
  })

  it("answers a signed-out visitor 401 and passes commerce's 404 on in Chinese", async () => {
    token = undefined
    const signedOut = await archive.POST(new Request("http://web/x", { method: "POST" }), {
      params: Promise.resolve({ id: "escbk_1", document_id: "escupl_1" }),
    })
    expect(signedOut.status).toBe(401)
    token = "tok_1"
    core.archiveEscortReportDocument.mockRejectedValue(new ApiError(404, "没有找到这份报告资料"))
    const theirs = await archive.POST(new Request("http://web/x", { method: "POST" }), {
      params: Promise.resolve({ id: "escbk_9", document_id: "escupl_1" }),
    })
    expect([theirs.status, (await theirs.json()).message]).toEqual([404, "没有找到这份报告资料"])
  })
})
