/** @jest-environment node */
const redirect = jest.fn((target: string) => {
  throw Object.assign(new Error("NEXT_REDIRECT"), { target })
})
jest.mock("next/navigation", () => ({ redirect: (target: string) => redirect(target) }))
jest.mock("next/cache", () => ({ revalidatePath: () => undefined }))
jest.mock("@/lib/session", () => ({ readToken: async () => "tok_1" }))
const markRead = jest.fn(async () => undefined)
jest.mock("@/lib/backends", () => ({ inbox: { markRead: () => markRead() } }))

const { openMessage } = require("@/lib/inbox-actions") as typeof import("@/lib/inbox-actions")

async function open(link: string): Promise<string> {
  const form = new FormData()
  form.set("id", "msg_1")
  form.set("link", link)
  await expect(openMessage(form)).rejects.toThrow("NEXT_REDIRECT")
  return redirect.mock.calls.at(-1)![0]
}

describe("opening a 消息中心 message", () => {
  it("follows the message's link on the shop", async () => {
    expect(await open("/account/orders/order_1")).toBe("/account/orders/order_1")
    expect(markRead).toHaveBeenCalled()
  })

  it.each(["//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "https://evil.example"])(
    "never follows %j off the shop",
    async (link) => {
      expect(await open(link)).toBe("/account/inbox")
    }
  )
})

// A module, so its names stay its own.
export {}
