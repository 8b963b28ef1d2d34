import { act, render, screen, waitFor } from "@testing-library/react"

let pathname = "/"
jest.mock("next/navigation", () => ({ usePathname: () => pathname }))
const postToServiceWorker = jest.fn()
jest.mock("@/lib/pwa/service-worker-client", () => ({
  OFFLINE_SHELL_ATTRIBUTE: "data-offline-shell",
  registerServiceWorker: async () => undefined,
  postToServiceWorker: (...args: unknown[]) => postToServiceWorker(...args),
}))

const { HeaderPersonal } =
  require("@/components/layout/header-personal") as typeof import("@/components/layout/header-personal")
const { announceCartChanged } = require("@/lib/cart-changed") as typeof import("@/lib/cart-changed")

/** What /api/session/summary answers, read in order. */
function summaries(...answers: object[]) {
  const fetched = jest.fn(async () => ({ ok: true, json: async () => answers.shift() }))
  global.fetch = fetched as unknown as typeof fetch
  return fetched
}

describe("the header's personal links on pages served from cache", () => {
  beforeEach(() => postToServiceWorker.mockClear())

  it("shows the visitor's own account, unread messages and cart count once read", async () => {
    const fetched = summaries({ signedIn: true, cartCount: 2, unread: 3 })
    render(<HeaderPersonal />)
    // The cached page's header, before the browser has asked: the signed-out shape.
    expect(screen.getByTestId("cart-count").dataset.known).toBe("false")
    expect(screen.getByRole("link", { name: "登录" })).toBeTruthy()
    expect(postToServiceWorker).not.toHaveBeenCalled()

    await waitFor(() => expect(screen.getByTestId("cart-count").dataset.known).toBe("true"))
    expect(fetched).toHaveBeenCalledWith("/api/session/summary", { cache: "no-store" })
    expect(screen.getByTestId("cart-count").textContent).toBe("2")
    expect(screen.getByRole("link", { name: "我的账户" }).getAttribute("href")).toBe("/account")
    expect(screen.getByTestId("inbox-badge").textContent).toBe("3")
    expect(screen.getByRole("link", { name: "消息中心，3 条未读" })).toBeTruthy()
    // A signed-in member's kept pages are not dropped.
    await waitFor(() => expect(postToServiceWorker).toHaveBeenCalledWith({ type: "page-shown" }))
    expect(postToServiceWorker).not.toHaveBeenCalledWith({ type: "signed-out" })
  })

  it("reads the count again when the cart changes and after each navigation", async () => {
    const fetched = summaries(
      { signedIn: false, cartCount: 0, unread: 0 },
      { signedIn: false, cartCount: 1, unread: 0 },
      { signedIn: true, cartCount: 1, unread: 0 }
    )
    const { rerender } = render(<HeaderPersonal />)
    await waitFor(() => expect(screen.getByTestId("cart-count").dataset.known).toBe("true"))
    await waitFor(() => expect(postToServiceWorker).toHaveBeenCalledWith({ type: "signed-out" }))

    act(() => announceCartChanged())
    await waitFor(() => expect(screen.getByTestId("cart-count").textContent).toBe("1"))

    pathname = "/account"
    rerender(<HeaderPersonal />)
    await waitFor(() => expect(screen.getByRole("link", { name: "我的账户" })).toBeTruthy())
    expect(fetched).toHaveBeenCalledTimes(3)
    expect(screen.queryByTestId("inbox-badge")).toBeNull()
  })
})
