/** @jest-environment node */
import { ApiError } from "@health/core"
import { escortRelayPath, relayEscortRequest } from "@/lib/escort-app-relay"

const signInDoctor = jest.fn()
const jar = new Map<string, { value: string; options?: Record<string, unknown> }>()
jest.mock("@/lib/backends", () => ({
  doctorApp: { signInDoctor: (...args: unknown[]) => signInDoctor(...args) },
}))
jest.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => jar.get(name),
    set: (name: string, value: string, options: Record<string, unknown>) =>
      jar.set(name, { value, options }),
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers({ host: "localhost:8000" }),
}))

const session = require("@/app/doctor/session/route") as typeof import("@/app/doctor/session/route")

const post = (body: unknown) =>
  new Request("http://web/doctor/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined)
  jar.clear()
  signInDoctor.mockReset()
})

describe("doctor sign-in and relay (在线诊室)", () => {
  it("keeps the doctor's token in its own httpOnly cookie and passes commerce's refusal on", async () => {
    signInDoctor.mockResolvedValue("doc_tok")
    const response = await session.POST(post({ phone: "137 0000 0001", code: "123456" }))
    expect(await response.json()).toEqual({ signed_in: true })
    expect(jar.get("doctor_token")).toMatchObject({
      value: "doc_tok",
      options: { httpOnly: true, sameSite: "lax" },
    })
    expect(jar.has("escort_token")).toBe(false)

    signInDoctor.mockRejectedValue(new ApiError(401, "该手机号不是已核验执业证的医生，请联系运营"))
    const refused = await session.POST(post({ phone: "13700000002", code: "123456" }))
    expect(refused.status).toBe(401)
    expect((await refused.json()).message).toBe("该手机号不是已核验执业证的医生，请联系运营")
  })

  it("relays only the doctor's own routes, with the cookie's token", async () => {
    expect(escortRelayPath(["doctor", "consultations"], "doctor")).toBe("/doctor/consultations")
    expect(escortRelayPath(["store", "consultations"], "doctor")).toBeNull()
    expect(escortRelayPath(["escort", "tasks"], "doctor")).toBeNull()
    const calls: { url: string; auth: string }[] = []
    const response = await relayEscortRequest(
      new Request("http://web/doctor/relay/doctor/consultations?tab=done&x=1"),
      ["doctor", "consultations"],
      {
        token: "doc_tok",
        commerceUrl: "http://commerce/",
        root: "doctor",
        fetch: async (url, init) => {
          calls.push({ url, auth: (init?.headers as Record<string, string>).authorization })
          return Response.json({ consultations: [] })
        },
      }
    )
    expect(response.status).toBe(200)
    expect(calls).toEqual([
      { url: "http://commerce/doctor/consultations?tab=done", auth: "Bearer doc_tok" },
    ])
  })
})
