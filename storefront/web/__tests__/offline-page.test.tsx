import { act, fireEvent, render, screen, waitFor } from "@testing-library/react"
import OfflinePage from "@/app/offline/page"
import { SignOutButton } from "@/components/account/sign-out-button"
import { keptPageLabel, listKeptPages } from "@/lib/pwa/kept-pages"

/** The Cache Storage the service worker fills (public/sw.js), holding request URLs only. */
function fakeCaches(stores: Record<string, string[]>) {
  const names = new Map(Object.entries(stores))
  return {
    keys: async () => [...names.keys()],
    open: async (name: string) => ({
      keys: async () => (names.get(name) ?? []).map((path) => ({ url: `http://shop${path}` })),
    }),
    delete: async (name: string) => names.delete(name),
    names,
  }
}

afterEach(() => {
  delete (globalThis as any).caches
  delete (navigator as any).serviceWorker
})

describe("当前离线", () => {
  it("lists the member's kept 消息中心 and reports, and nothing from other caches", async () => {
    ;(globalThis as any).caches = fakeCaches({
      "health-shell-v1": ["/offline"],
      "health-static-v1": ["/_next/static/chunks/a.js"],
      "health-member-v1-cus_1": [
        "/__member-cache-meta",
        "/account/health/reports/rep_1",
        "/account/inbox",
        "/account/health?tab=reports",
      ],
    })
    await act(async () => {
      render(<OfflinePage />)
    })
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("当前离线")
    await waitFor(() => screen.getByTestId("kept-pages"))
    const links = screen.getAllByRole("link").filter((a) => a.closest("[data-testid=kept-pages]"))
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["消息中心", "/account/inbox"],
      ["检测报告列表", "/account/health?tab=reports"],
      ["检测报告详情", "/account/health/reports/rep_1"],
    ])
    expect(screen.getByText("离线内容只保存在本机，退出登录后立即清除。")).toBeTruthy()
    // Marked, so the page does not tell the worker that no one is signed in.
    expect(document.querySelector("[data-offline-shell]")).not.toBeNull()
  })

  it("says nothing is kept when no member's pages are on this device", async () => {
    ;(globalThis as any).caches = fakeCaches({ "health-shell-v1": ["/offline"] })
    await act(async () => {
      render(<OfflinePage />)
    })
    await waitFor(() => screen.getByText(/本机暂无可离线查看的内容/))
  })

  it("names only member pages", async () => {
    expect(keptPageLabel("/account/inbox?page=2")).toBe("消息中心")
    expect(keptPageLabel("/account/orders")).toBeNull()
    expect(await listKeptPages(fakeCaches({ "health-member-v1-x": ["/products"] }) as any)).toEqual(
      []
    )
  })
})

describe("退出登录", () => {
  it("drops the member's kept pages and this browser's push subscription, then signs out", async () => {
    const storage = fakeCaches({
      "health-shell-v1": ["/offline"],
      "health-member-v1-cus_1": ["/account/inbox"],
    })
    ;(globalThis as any).caches = storage
    const unsubscribe = jest.fn().mockResolvedValue(true)
    Object.defineProperty(navigator, "serviceWorker", {
      configurable: true,
      value: {
        getRegistration: async () => ({
          active: { postMessage: jest.fn() },
          pushManager: { getSubscription: async () => ({ unsubscribe }) },
        }),
      },
    })
    const signOut = jest.fn().mockResolvedValue(undefined)
    render(<SignOutButton signOut={signOut} />)
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "退出登录" })))
    await waitFor(() => expect(signOut).toHaveBeenCalled())
    await waitFor(() => expect(unsubscribe).toHaveBeenCalled())
    expect([...storage.names.keys()]).toEqual(["health-shell-v1"])
  })
})
