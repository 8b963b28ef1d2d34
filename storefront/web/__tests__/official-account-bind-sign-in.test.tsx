/** @jest-environment node */
import { ApiError } from "@health/core"
import { renderToStaticMarkup } from "react-dom/server"

const redirect = jest.fn((target: string) => {
  throw Object.assign(new Error("NEXT_REDIRECT"), { target })
})
jest.mock("next/navigation", () => ({ redirect: (target: string) => redirect(target) }))
jest.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }))
const currentMember = jest.fn()
const readToken = jest.fn()
jest.mock("@/lib/session", () => ({
  currentMember: () => currentMember(),
  readToken: () => readToken(),
  writeToken: async () => undefined,
  clearToken: async () => undefined,
}))
jest.mock("@/lib/referral", () => ({ bindPendingReferral: async () => "none" }))
const bind = jest.fn()
jest.mock("@/lib/backends", () => ({
  member: {
    signInWithPassword: async () => "tok_pw",
    signInWithPhone: async () => "tok_phone",
  },
  officialAccount: { bind: (token: string, bindToken: string) => bind(token, bindToken) },
}))

const { default: SignInPage } =
  require("@/app/account/sign-in/page") as typeof import("@/app/account/sign-in/page")
const { bindOfficialAccountNow, signInWithPassword, signInWithPhone } =
  require("@/lib/account-actions") as typeof import("@/lib/account-actions")

const LINK_TOKEN = "eyJvIjoib3BlbmlkIn0.c2lnbmF0dXJl"

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

async function redirectedTo(run: () => Promise<unknown>): Promise<string> {
  await expect(run()).rejects.toThrow("NEXT_REDIRECT")
  return redirect.mock.calls.at(-1)![0]
}

beforeEach(() => {
  redirect.mockClear()
  bind.mockReset()
  currentMember.mockReset()
  readToken.mockReset()
})

describe("web sign-in from the service account's bind link (?oa_bind=)", () => {
  it("keeps the token in every sign-in form and says the account will be bound", async () => {
    currentMember.mockResolvedValue(null)
    const html = renderToStaticMarkup(
      await SignInPage({ searchParams: Promise.resolve({ oa_bind: LINK_TOKEN }) })
    )
    expect(html).toContain("登录或注册后，将自动为您绑定公众号")
    expect(html).toContain(`name="oa_bind" value="${LINK_TOKEN}"`)
  })

  it("drops a token that is not one commerce signs", async () => {
    currentMember.mockResolvedValue(null)
    const html = renderToStaticMarkup(
      await SignInPage({ searchParams: Promise.resolve({ oa_bind: "<script>" }) })
    )
    expect(html).not.toContain("oa_bind")
    expect(html).not.toContain("绑定公众号")
  })

  it("binds after a phone-code sign-in and lands on 我的账户 saying 已绑定公众号", async () => {
    bind.mockResolvedValue({ bound: true, following: true })
    const target = await redirectedTo(() =>
      signInWithPhone(
        undefined,
        form({ phone: "13800000000", code: "123456", next: "/account", oa_bind: LINK_TOKEN })
      )
    )
    expect(bind).toHaveBeenCalledWith("tok_phone", LINK_TOKEN)
    expect(target).toBe("/account?oa_bind=bound")
  })

  it("binds after a password sign-in and passes commerce's refusal on in Chinese", async () => {
    bind.mockRejectedValue(new ApiError(409, "该微信已绑定其他会员", "conflict"))
    const target = await redirectedTo(() =>
      signInWithPassword(
        undefined,
        form({ email: "a@b.cn", password: "secret-1", next: "/checkout", oa_bind: LINK_TOKEN })
      )
    )
    expect(bind).toHaveBeenCalledWith("tok_pw", LINK_TOKEN)
    expect(target).toBe(`/account?oa_bind_refused=${encodeURIComponent("该微信已绑定其他会员")}`)
  })

  it("signs in without binding when there is no link token", async () => {
    const target = await redirectedTo(() =>
      signInWithPhone(undefined, form({ phone: "13800000000", code: "123456", next: "/cart" }))
    )
    expect(bind).not.toHaveBeenCalled()
    expect(target).toBe("/cart")
  })

  it("asks a member already signed in to tap, then binds with their session", async () => {
    currentMember.mockResolvedValue({ token: "tok_s", member: { id: "cus_1" } })
    const html = renderToStaticMarkup(
      await SignInPage({ searchParams: Promise.resolve({ oa_bind: LINK_TOKEN }) })
    )
    expect(bind).not.toHaveBeenCalled()
    expect(html).toContain('data-testid="oa-bind-now"')
    readToken.mockResolvedValue("tok_s")
    bind.mockResolvedValue({ bound: true, following: true })
    const target = await redirectedTo(() => bindOfficialAccountNow(form({ oa_bind: LINK_TOKEN })))
    expect(bind).toHaveBeenCalledWith("tok_s", LINK_TOKEN)
    expect(target).toBe("/account?oa_bind=bound")
  })
})

export {}
