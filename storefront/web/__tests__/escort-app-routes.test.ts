/** @jest-environment node */
import { ApiError } from "@health/core"
import { escortRelayPath, relayEscortRequest } from "@/lib/escort-app-relay"

const signInEscort = jest.fn()
const requestEscortSignInCode = jest.fn()
const signInApplicant = jest.fn()
const jar = new Map<string, { value: string; options?: Record<string, unknown> }>()
jest.mock("@/lib/backends", () => ({
  escortApp: {
    signInEscort: (...args: unknown[]) => signInEscort(...args),
    requestEscortSignInCode: (...args: unknown[]) => requestEscortSignInCode(...args),
  },
}))
jest.mock("@health/core", () => ({
  ...jest.requireActual("@health/core"),
  createEscortAdmissionClient: () => ({
    signInApplicant: (...args: unknown[]) => signInApplicant(...args),
  }),
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

const session =
  require("@/app/api/escort-app/session/route") as typeof import("@/app/api/escort-app/session/route")
const smsCode =
  require("@/app/api/escort-app/sms-code/route") as typeof import("@/app/api/escort-app/sms-code/route")
const applySession =
  require("@/app/api/escort-app/apply-session/route") as typeof import("@/app/api/escort-app/apply-session/route")

const post = (body: unknown) =>
  new Request("http://web/api/escort-app/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })

beforeEach(() => {
  // The routes log an outage for operators; the tests cause some on purpose.
  jest.spyOn(console, "error").mockImplementation(() => undefined)
  jar.clear()
  signInEscort.mockReset()
  requestEscortSignInCode.mockReset()
  signInApplicant.mockReset()
})

describe("escort sign-in relay", () => {
  it("keeps the escort's token in its own httpOnly cookie, never in the answer", async () => {
    signInEscort.mockResolvedValue("esc_tok")
    const response = await session.POST(post({ phone: "138 0013 8000", code: "123456" }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ signed_in: true })
    expect(signInEscort).toHaveBeenCalledWith("13800138000", "123456")
    expect(jar.get("escort_token")?.value).toBe("esc_tok")
    expect(jar.get("escort_token")?.options).toMatchObject({ httpOnly: true, sameSite: "lax" })
    expect(jar.has("member_token")).toBe(false)

    const out = await session.DELETE()
    expect(out.status).toBe(200)
    expect(jar.has("escort_token")).toBe(false)
  })

  it("refuses bad input before commerce, and passes commerce's refusal of a non-escort on", async () => {
    const badPhone = await session.POST(post({ phone: "12345", code: "123456" }))
    expect([badPhone.status, (await badPhone.json()).message]).toEqual([
      400,
      "请输入正确的 11 位手机号",
    ])
    const badCode = await session.POST(post({ phone: "13800138000", code: "12" }))
    expect([badCode.status, (await badCode.json()).message]).toEqual([400, "请输入 6 位验证码"])
    expect(signInEscort).not.toHaveBeenCalled()

    signInEscort.mockRejectedValue(new ApiError(401, "该手机号不是在岗的陪诊员，请联系运营"))
    const refused = await session.POST(post({ phone: "13800138000", code: "123456" }))
    expect([refused.status, (await refused.json()).message]).toEqual([
      401,
      "该手机号不是在岗的陪诊员，请联系运营",
    ])
    expect(jar.has("escort_token")).toBe(false)

    signInEscort.mockRejectedValue(new Error("connect ECONNREFUSED"))
    const down = await session.POST(post({ phone: "13800138000", code: "123456" }))
    expect([down.status, (await down.json()).message]).toEqual([502, "网络繁忙，请稍后重试"])
  })

  it("texts a code and passes a rate limit on in Chinese", async () => {
    requestEscortSignInCode.mockResolvedValue({ expires_in: 300 })
    const sent = await smsCode.POST(post({ phone: "13800138000" }))
    expect(sent.status).toBe(201)
    expect(requestEscortSignInCode).toHaveBeenCalledWith("13800138000")
    requestEscortSignInCode.mockRejectedValue(
      new ApiError(429, "验证码发送过于频繁，请 42 秒后再试")
    )
    const limited = await smsCode.POST(post({ phone: "13800138000" }))
    expect([limited.status, (await limited.json()).message]).toEqual([
      429,
      "验证码发送过于频繁，请 42 秒后再试",
    ])
    const bad = await smsCode.POST(post({ phone: "" }))
    expect(bad.status).toBe(400)
  })
})

describe("escort applicant sign-in (陪诊员入驻)", () => {
  it("keeps the applicant's token in the escort's httpOnly cookie", async () => {
    signInApplicant.mockResolvedValue("applicant_tok")
    const response = await applySession.POST(post({ phone: "139 0000 0001", code: "654321" }))
    expect(await response.json()).toEqual({ signed_in: true })
    expect(signInApplicant).toHaveBeenCalledWith("13900000001", "654321")
    expect(jar.get("escort_token")).toMatchObject({
      value: "applicant_tok",
      options: { httpOnly: true, sameSite: "lax" },
    })
    expect(signInEscort).not.toHaveBeenCalled()
  })

  it("refuses bad input before commerce, and passes refusals and outages on in Chinese", async () => {
    const badCode = await applySession.POST(post({ phone: "13900000001", code: "abc" }))
    expect([badCode.status, (await badCode.json()).message]).toEqual([400, "请输入 6 位验证码"])
    expect(signInApplicant).not.toHaveBeenCalled()

    signInApplicant.mockRejectedValue(new ApiError(401, "验证码不正确或已过期"))
    const refused = await applySession.POST(post({ phone: "13900000001", code: "654321" }))
    expect([refused.status, (await refused.json()).message]).toEqual([401, "验证码不正确或已过期"])

    signInApplicant.mockRejectedValue(new Error("connect ECONNREFUSED"))
    const down = await applySession.POST(post({ phone: "13900000001", code: "654321" }))
    expect([down.status, (await down.json()).message]).toEqual([502, "网络繁忙，请稍后重试"])
    expect(jar.has("escort_token")).toBe(false)
  })
})

describe("escort app commerce relay", () => {
  const upstream = jest.fn()
  const relay = (request: Request, segments: string[], token: string | null = "esc_tok") =>
    relayEscortRequest(request, segments, {
      token: token ?? undefined,
      commerceUrl: "http://commerce:9000/",
      fetch: upstream,
    })

  beforeEach(() => upstream.mockReset())

  it("reaches only the escort's own routes", () => {
    expect(escortRelayPath(["escort", "tasks"])).toBe("/escort/tasks")
    expect(escortRelayPath(["escort", "tasks", "escbk_1", "accept"])).toBe(
      "/escort/tasks/escbk_1/accept"
    )
    expect(escortRelayPath(["store", "customers", "me"])).toBeNull()
    expect(escortRelayPath(["admin", "escorts"])).toBeNull()
    expect(escortRelayPath(["escort", ".."])).toBeNull()
    expect(escortRelayPath(["escort", "a%2Fb"])).toBeNull()
    expect(escortRelayPath(["escort"])).toBeNull()
  })

  it("adds the cookie's bearer token, forwards the query and body, and answers as commerce did", async () => {
    upstream.mockResolvedValue(
      new Response(JSON.stringify({ message: "该订单已被其他陪诊员接单" }), {
        status: 409,
        headers: { "content-type": "application/json" },
      })
    )
    const response = await relay(
      new Request("http://web/api/escort-app/commerce/escort/tasks/escbk_1/accept?x=1", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer forged" },
        body: "{}",
      }),
      ["escort", "tasks", "escbk_1", "accept"]
    )
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({ message: "该订单已被其他陪诊员接单" })
    const [url, init] = upstream.mock.calls[0]
    expect(url).toBe("http://commerce:9000/escort/tasks/escbk_1/accept")
    expect(init.method).toBe("POST")
    expect(init.headers.authorization).toBe("Bearer esc_tok")
    expect(new TextDecoder().decode(init.body)).toBe("{}")

    upstream.mockResolvedValue(new Response(JSON.stringify({ tasks: [] }), { status: 200 }))
    await relay(new Request("http://web/x?status=open&evil=1"), ["escort", "tasks"])
    expect(upstream.mock.calls[1][0]).toBe("http://commerce:9000/escort/tasks?status=open")
    expect(upstream.mock.calls[1][1].body).toBeUndefined()
  })

  it("answers 401 without a cookie, 404 outside /escort, 413 for an oversized upload and 502 when commerce is down", async () => {
    const signedOut = await relay(new Request("http://web/x"), ["escort", "tasks"], null)
    expect([signedOut.status, (await signedOut.json()).message]).toEqual([
      401,
      "登录已过期，请重新登录",
    ])
    const elsewhere = await relay(new Request("http://web/x"), ["store", "orders"])
    expect(elsewhere.status).toBe(404)
    const huge = await relay(
      new Request("http://web/x", { method: "POST", body: new Uint8Array(13 * 1024 * 1024) }),
      ["escort", "tasks", "escbk_1", "messages", "images"]
    )
    expect(huge.status).toBe(413)
    upstream.mockRejectedValue(new Error("connect ECONNREFUSED"))
    const down = await relay(new Request("http://web/x"), ["escort", "income"])
    expect([down.status, (await down.json()).message]).toEqual([502, "网络繁忙，请稍后重试"])
    expect(upstream).toHaveBeenCalledTimes(1)
  })
})
