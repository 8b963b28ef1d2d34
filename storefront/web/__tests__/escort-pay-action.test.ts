/** @jest-environment node */
import { ApiError } from "@health/core"

const pay = jest.fn()
const revalidatePath = jest.fn()
const redirect = jest.fn((target: string) => {
  throw Object.assign(new Error("NEXT_REDIRECT"), { target })
})
const jar = new Map<string, { value: string; options?: Record<string, unknown> }>()
jest.mock("@/lib/backends", () => ({ escort: { pay: (...args: unknown[]) => pay(...args) } }))
jest.mock("@/lib/session", () => ({ readToken: async () => "tok_1" }))
jest.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidatePath(path) }))
jest.mock("next/navigation", () => ({ redirect: (target: string) => redirect(target) }))
jest.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => jar.get(name),
    set: (name: string, value: string, options: Record<string, unknown>) =>
      jar.set(name, { value, options }),
  }),
  headers: async () => new Headers({ "user-agent": "Mozilla/5.0 (iPhone)" }),
}))

const { payEscort } = require("@/lib/escort-actions") as typeof import("@/lib/escort-actions")

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

beforeEach(() => {
  jar.clear()
  pay.mockReset()
  revalidatePath.mockReset()
  redirect.mockClear()
})

describe("paying an escort booking (the shared pay hand-over)", () => {
  it("paid in full by store credit: a notice, and the booking page is refreshed", async () => {
    pay.mockResolvedValue({ action: { kind: "none" }, cart_id: "cart_1" })
    const state = await payEscort(
      undefined,
      form({
        booking_id: "escbk_1",
        payment: "pp_wechatpay_wechatpay",
        use_credit: "yes",
        credit_amount: "199.00",
        amount_fen: "19900",
      })
    )
    expect(state).toEqual({ notice: "已用余额支付，正在为您安排陪诊员" })
    expect(pay).toHaveBeenCalledWith("tok_1", "escbk_1", {
      provider_id: "pp_wechatpay_wechatpay",
      channel: "mobile_browser",
      store_credit_fen: 19900,
    })
    expect(revalidatePath).toHaveBeenCalledWith("/account/escort/escbk_1")
  })

  it("hands a QR code over to the checkout's pay page with what is left to pay", async () => {
    const action = { kind: "qr_code", code_url: "weixin://wxpay/1", expires_at: "x" }
    pay.mockResolvedValue({ action, cart_id: "cart_2" })
    await expect(
      payEscort(
        undefined,
        form({
          booking_id: "escbk_2",
          payment: "pp_wechatpay_wechatpay",
          use_credit: "yes",
          credit_amount: "10",
          amount_fen: "19900",
        })
      )
    ).rejects.toMatchObject({ target: "/checkout/pay?cart=cart_2" })
    expect(JSON.parse(jar.get("checkout_payment")!.value)).toEqual({
      cart_id: "cart_2",
      provider_id: "pp_wechatpay_wechatpay",
      amount_fen: 18900,
      action,
    })
    expect(jar.get("checkout_payment")!.options).toMatchObject({
      httpOnly: true,
      path: "/checkout",
    })
    expect(revalidatePath).not.toHaveBeenCalled()
  })

  it("refuses without a method, and passes commerce's refusal on without refreshing", async () => {
    expect(await payEscort(undefined, form({ booking_id: "escbk_3" }))).toEqual({
      error: "请选择支付方式",
    })
    expect(pay).not.toHaveBeenCalled()
    pay.mockRejectedValue(new ApiError(409, "该预约已支付"))
    expect(
      await payEscort(undefined, form({ booking_id: "escbk_3", payment: "pp_alipay_alipay" }))
    ).toEqual({ error: "该预约已支付" })
    expect(revalidatePath).not.toHaveBeenCalled()
  })
})
