/** @jest-environment node */
const redirect = jest.fn((target: string) => {
  throw Object.assign(new Error("NEXT_REDIRECT"), { target })
})
jest.mock("next/navigation", () => ({ redirect: (target: string) => redirect(target) }))
jest.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }))
const currentMember = jest.fn()
jest.mock("@/lib/session", () => ({
  currentMember: () => currentMember(),
  writeToken: async () => undefined,
  clearToken: async () => undefined,
}))
jest.mock("@/lib/referral", () => ({ bindPendingReferral: async () => "none" }))
jest.mock("@/lib/backends", () => ({
  member: {
    signInWithPassword: async () => "tok_1",
    signInWithPhone: async () => "tok_1",
  },
}))
jest.mock("@/components/account/sign-in-forms", () => ({ SignInForms: () => null }))

const { default: SignInPage } =
  require("@/app/account/sign-in/page") as typeof import("@/app/account/sign-in/page")
const { signInWithPassword, signInWithPhone } =
  require("@/lib/account-actions") as typeof import("@/lib/account-actions")

const HOSTILE = [
  "/\\evil.example",
  "//evil.example",
  "/%2F%2Fevil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "\t//evil.example",
  "/\t/evil.example",
  "/%5Cevil.example",
  "/.//evil.example",
]

async function redirectedTo(run: () => Promise<unknown>): Promise<string> {
  await expect(run()).rejects.toThrow("NEXT_REDIRECT")
  return redirect.mock.calls.at(-1)![0]
}

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

beforeEach(() => {
  redirect.mockClear()
  currentMember.mockReset()
})

describe("signed-in GET /account/sign-in?next=…", () => {
  it.each(HOSTILE)("sends the member to 我的账户, not to %j", async (next) => {
    currentMember.mockResolvedValue({ token: "tok_1", member: { id: "cus_1" } })
    const target = await redirectedTo(() => SignInPage({ searchParams: Promise.resolve({ next }) }))
    expect(target).toBe("/account")
  })

  it("follows a same-site next", async () => {
    currentMember.mockResolvedValue({ token: "tok_1", member: { id: "cus_1" } })
    const target = await redirectedTo(() =>
      SignInPage({ searchParams: Promise.resolve({ next: "/account/orders?tab=paid" }) })
    )
    expect(target).toBe("/account/orders?tab=paid")
  })
})

describe("after signing in", () => {
  it.each(HOSTILE)("password sign-in with next=%j lands on 我的账户", async (next) => {
    const target = await redirectedTo(() =>
      signInWithPassword(undefined, form({ email: "a@b.cn", password: "secret-1", next }))
    )
    expect(target).toBe("/account")
  })

  it.each(HOSTILE)("phone sign-in with next=%j lands on 我的账户", async (next) => {
    const target = await redirectedTo(() =>
      signInWithPhone(undefined, form({ phone: "13800000000", code: "123456", next }))
    )
    expect(target).toBe("/account")
  })

  it("comes back to the page that asked for sign-in", async () => {
    const target = await redirectedTo(() =>
      signInWithPassword(undefined, form({ email: "a@b.cn", password: "x", next: "/checkout" }))
    )
    expect(target).toBe("/checkout")
  })
})

// A module, so its names stay its own.
export {}
