/** @jest-environment node */
import { readFileSync } from "node:fs"
import path from "node:path"
import vm from "node:vm"

// The worker's rules, imported as the plain functions they are (public/sw.js exports them
// when loaded as a module and installs its listeners when loaded as a worker).
const sw = require("../public/sw.js")
const SOURCE = readFileSync(path.join(__dirname, "../public/sw.js"), "utf8")
const ORIGIN = "https://shop.example"

const request = (
  url: string,
  init: { method?: string; mode?: string; headers?: Record<string, string> } = {}
) => ({
  url: new URL(url, ORIGIN).href,
  method: init.method ?? "GET",
  mode: init.mode ?? "cors",
  headers: new Headers(init.headers ?? {}),
})
const navigate = (url: string) => request(url, { mode: "navigate" })

describe("service worker routing rules", () => {
  it("keeps only 消息中心 and report pages as member pages", () => {
    const kind = (p: string) => sw.memberPageKind(new URL(p, ORIGIN))
    expect(kind("/account/inbox")).toBe("inbox")
    expect(kind("/account/health?tab=reports")).toBe("reports")
    expect(kind("/account/health/reports/rep_1")).toBe("report")
    expect(kind("/account/health")).toBeNull()
    expect(kind("/account/health?tab=uploads")).toBeNull()
    expect(kind("/account/orders")).toBeNull()
    expect(kind("/account/health/reports/rep_1/file")).toBeNull()
  })

  it("routes navigations network-first, built files stale-while-revalidate, and leaves the rest alone", () => {
    const route = (r: ReturnType<typeof request>) => sw.routeRequest(r, ORIGIN)
    expect(route(navigate("/account/inbox"))).toBe("member-page")
    expect(route(navigate("/account/health?tab=reports"))).toBe("member-page")
    expect(route(navigate("/products"))).toBe("navigation")
    expect(route(request("/_next/static/chunks/app-123.js"))).toBe("static")
    expect(route(request("/icons/maskable-192.png"))).toBe("static")
    expect(route(request("/manifest.webmanifest"))).toBe("static")
    // Never kept: API routes, anything with a bearer token, RSC payloads, other origins, writes.
    expect(route(request("/api/health-archive/reports/rep_1/file"))).toBe("bypass")
    expect(route(navigate("/api/health-archive/reports/rep_1/file"))).toBe("bypass")
    expect(route(request("/_next/static/x.js", { headers: { Authorization: "Bearer t" } }))).toBe(
      "bypass"
    )
    expect(route(request("/account/inbox?_rsc=abc"))).toBe("bypass")
    expect(route(request("/account/inbox", { headers: { RSC: "1" } }))).toBe("bypass")
    expect(route(request("https://commerce.example/store/inbox"))).toBe("bypass")
    expect(route({ ...navigate("/account/inbox"), method: "POST" })).toBe("bypass")
    expect(route(request("/sw.js"))).toBe("bypass")
    expect(route(request("/products"))).toBe("bypass")
  })

  it("names caches by version and member, and drops other versions' on activate", () => {
    expect(sw.memberCacheName("cus_01H")).toBe("health-member-v1-cus_01H")
    expect(sw.memberCacheName("../x y")).toBe("health-member-v1-xy")
    expect(sw.memberCacheName("")).toBeNull()
    expect(
      sw.obsoleteCaches([
        "health-shell-v1",
        "health-static-v1",
        "health-member-v1-cus_1",
        "health-shell-v0",
        "health-static-v0",
        "health-member-v0-cus_1",
        "someone-elses-cache",
      ])
    ).toEqual(["health-shell-v0", "health-static-v0", "health-member-v0-cus_1"])
    expect(
      sw.memberCachesToDelete(
        ["health-member-v1-a", "health-member-v1-b", "health-static-v1"],
        "health-member-v1-b"
      )
    ).toEqual(["health-member-v1-a"])
    expect(sw.memberCachesToDelete(["health-member-v1-a", "health-shell-v1"], null)).toEqual([
      "health-member-v1-a",
    ])
  })

  it("lets a member cache live no longer than the session cookie (7 days)", () => {
    const day = 24 * 60 * 60 * 1000
    expect(sw.memberCacheExpired({ filled_at: 0 }, 6 * day)).toBe(false)
    expect(sw.memberCacheExpired({ filled_at: 0 }, 8 * day)).toBe(true)
    expect(sw.memberCacheExpired(null, 0)).toBe(true)
  })

  it("finds the built files a page loads", () => {
    const html =
      '<link rel="stylesheet" href="/_next/static/css/a.css"/><script src="/_next/static/chunks/b.js?dpl=1&amp;x=2" async></script>' +
      '<script src="https://cdn.example/_next/static/c.js"></script><img src="/icon.svg">'
    expect(sw.assetsOfHtml(html, ORIGIN)).toEqual([
      "/_next/static/css/a.css",
      "/_next/static/chunks/b.js?dpl=1&x=2",
    ])
  })

  it("shows a push as a notification that opens a path of this shop only", () => {
    expect(
      sw.notificationOf(
        { title: "报告已出", body: "请查看", link: "/account/health/kits/k1", tag: "t" },
        ORIGIN
      )
    ).toEqual({
      title: "报告已出",
      options: expect.objectContaining({
        body: "请查看",
        tag: "t",
        lang: "zh-CN",
        data: { link: "/account/health/kits/k1" },
      }),
    })
    expect(sw.notificationTarget("//evil.example/x", ORIGIN)).toBe("/account/inbox")
    expect(sw.notificationTarget("https://evil.example/x", ORIGIN)).toBe("/account/inbox")
    expect(sw.notificationOf(null, ORIGIN).title).toBe("健康服务平台")
  })
})

/** Cache Storage in memory, as much of it as the worker uses. */
class MemoryCache {
  entries = new Map<string, Response>()
  private key = (r: string | { url: string }) =>
    new URL(typeof r === "string" ? r : r.url, ORIGIN).href
  async match(r: string | { url: string }) {
    return this.entries.get(this.key(r))?.clone()
  }
  async put(r: string | { url: string }, response: Response) {
    this.entries.set(this.key(r), response)
  }
  async add(r: string | { url: string }) {
    await this.put(r, await worker.fetch(r))
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }))
  }
  async delete(r: string | { url: string }) {
    return this.entries.delete(this.key(r))
  }
}
class MemoryCacheStorage {
  stores = new Map<string, MemoryCache>()
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new MemoryCache())
    return this.stores.get(name)!
  }
  async keys() {
    return [...this.stores.keys()]
  }
  async delete(name: string) {
    return this.stores.delete(name)
  }
  async match(r: string, options: { cacheName?: string } = {}) {
    const names = options.cacheName ? [options.cacheName] : [...this.stores.keys()]
    for (const name of names) {
      const hit = await this.stores.get(name)?.match(r)
      if (hit) return hit
    }
    return undefined
  }
}

/** What a browser's fetch answers for this origin: type "basic", clones alike. */
function sameOriginResponse(body: BodyInit | null, status: number, redirected: boolean): Response {
  const response = new Response(body, { status })
  const clone = response.clone.bind(response)
  Object.defineProperties(response, {
    type: { value: "basic" },
    redirected: { value: redirected },
    clone: { value: () => decorate(clone()) },
  })
  function decorate(copy: Response): Response {
    const again = copy.clone.bind(copy)
    return Object.defineProperties(copy, {
      type: { value: "basic" },
      redirected: { value: redirected },
      clone: { value: () => decorate(again()) },
    })
  }
  return response
}

/** The shop as the worker's fetch sees it; `online` false makes every fetch fail. */
type Served = { status?: number; body: string; redirected?: boolean }
let worker: {
  fetch: (r: any, init?: any) => Promise<Response>
  fetches: { url: string; credentials?: string }[]
}

function loadWorker(pages: Record<string, Served>) {
  const listeners: Record<string, (event: any) => void> = {}
  const caches = new MemoryCacheStorage()
  const notifications: { title: string; options: any }[] = []
  const opened: string[] = []
  const unsubscribed: string[] = []
  const state = { online: true }
  worker = {
    fetches: [],
    fetch: async (r: any, init: any = {}) => {
      const url = new URL(typeof r === "string" ? r : r.url, ORIGIN)
      worker.fetches.push({
        url: url.pathname + url.search,
        credentials: init.credentials ?? r.credentials,
      })
      if (!state.online) throw new TypeError("Failed to fetch")
      const page = pages[url.pathname + url.search] ??
        pages[url.pathname] ?? { status: 404, body: "" }
      return sameOriginResponse(page.body, page.status ?? 200, Boolean(page.redirected))
    },
  }
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, listener: (event: any) => void) =>
      (listeners[type] = listener),
    skipWaiting: async () => undefined,
    clients: {
      claim: async () => undefined,
      matchAll: async () => [],
      openWindow: async (url: string) => opened.push(url),
    },
    registration: {
      showNotification: async (title: string, options: any) =>
        notifications.push({ title, options }),
      pushManager: {
        getSubscription: async () => ({
          unsubscribe: async () => unsubscribed.push("browser"),
        }),
      },
    },
  }
  class FakeRequest {
    url: string
    credentials?: string
    constructor(url: string, init: { credentials?: string } = {}) {
      this.url = new URL(url, ORIGIN).href
      this.credentials = init.credentials
    }
  }
  vm.runInNewContext(SOURCE, {
    self,
    caches,
    fetch: (r: any, init?: any) => worker.fetch(r, init),
    Request: FakeRequest,
    Response,
    Headers,
    URL,
    Promise,
    JSON,
    Map,
    Set,
    Date,
    Math,
    String,
    TypeError,
    Error,
    console,
  })

  /** Dispatches an event; answers what respondWith got (or undefined) once waitUntil settles. */
  async function dispatch(type: string, event: Record<string, unknown> = {}) {
    const waits: Promise<unknown>[] = []
    let answer: Promise<Response> | undefined
    listeners[type]({
      ...event,
      origin: ORIGIN,
      waitUntil: (p: Promise<unknown>) => waits.push(p),
      respondWith: (p: Promise<Response>) => (answer = p),
    })
    const response = answer ? await answer : undefined
    await Promise.all(waits)
    // Settles anything a waitUntil started in turn.
    await Promise.all(waits)
    return response
  }
  return { dispatch, caches, state, notifications, opened, unsubscribed }
}

describe("the service worker at work", () => {
  const OFFLINE_HTML =
    '<main data-offline-shell><h1>当前离线</h1><script src="/_next/static/chunks/offline.js"></script></main>'
  const pages: Record<string, Served> = {
    "/offline": { body: OFFLINE_HTML },
    "/_next/static/chunks/offline.js": { body: "/* js */" },
    "/account/inbox": { body: "<h1>消息中心</h1><p>您的检测报告已出</p>" },
    "/account/health?tab=reports": { body: "<h1>健康档案</h1><p>报告</p>" },
    "/products": { body: "<h1>基因检测</h1>" },
  }

  async function installed() {
    const w = loadWorker(pages)
    await w.dispatch("install")
    await w.dispatch("activate")
    return w
  }

  it("keeps the offline page and its script at install, fetched without anyone's cookies", async () => {
    const w = await installed()
    expect(await (await w.caches.match("/offline", { cacheName: "health-shell-v1" }))?.text()).toBe(
      OFFLINE_HTML
    )
    expect(
      await w.caches.match("/_next/static/chunks/offline.js", { cacheName: "health-static-v1" })
    ).toBeDefined()
    expect(worker.fetches.find((f) => f.url === "/offline")?.credentials).toBe("omit")
  })

  it("shows the member's last viewed inbox offline, the offline page for anything else, and forgets it on sign-out", async () => {
    const w = await installed()
    // The inbox page announces its member; the worker keeps the page in that member's cache.
    await w.dispatch("message", {
      data: { type: "member-page", member: "cus_1", path: "/account/inbox" },
    })
    expect([...w.caches.stores.keys()]).toContain("health-member-v1-cus_1")

    w.state.online = false
    const inbox = await w.dispatch("fetch", { request: navigate("/account/inbox") })
    expect(await inbox!.text()).toContain("您的检测报告已出")
    const products = await w.dispatch("fetch", { request: navigate("/products") })
    expect(await products!.text()).toContain("当前离线")
    const reports = await w.dispatch("fetch", { request: navigate("/account/health?tab=reports") })
    expect(await reports!.text()).toContain("当前离线")

    await w.dispatch("message", { data: { type: "signed-out" } })
    expect([...w.caches.stores.keys()].filter((n) => n.startsWith("health-member-"))).toEqual([])
    expect(w.unsubscribed).toEqual(["browser"])
    const after = await w.dispatch("fetch", { request: navigate("/account/inbox") })
    expect(await after!.text()).toContain("当前离线")
  })

  it("keeps a member page read online as it passes, and drops the previous member's pages when another signs in", async () => {
    const w = await installed()
    await w.dispatch("message", {
      data: { type: "member-page", member: "cus_1", path: "/account/inbox" },
    })
    await w.dispatch("fetch", { request: navigate("/account/health?tab=reports") })
    expect(
      await w.caches.match("/account/health?tab=reports", { cacheName: "health-member-v1-cus_1" })
    ).toBeDefined()

    await w.dispatch("message", {
      data: { type: "member-page", member: "cus_2", path: "/account/inbox" },
    })
    expect([...w.caches.stores.keys()].filter((n) => n.startsWith("health-member-"))).toEqual([
      "health-member-v1-cus_2",
    ])
  })

  it("drops the member's pages when the server sends a member page elsewhere (signed out) or someone opens sign-in", async () => {
    const w = await installed()
    await w.dispatch("message", {
      data: { type: "member-page", member: "cus_1", path: "/account/inbox" },
    })
    pages["/account/inbox?x=1"] = { body: "sign in", redirected: true }
    await w.dispatch("fetch", { request: navigate("/account/inbox?x=1") })
    expect([...w.caches.stores.keys()].some((n) => n.startsWith("health-member-"))).toBe(false)

    await w.dispatch("message", {
      data: { type: "member-page", member: "cus_1", path: "/account/inbox" },
    })
    await w.dispatch("fetch", { request: navigate("/account/sign-in") })
    expect([...w.caches.stores.keys()].some((n) => n.startsWith("health-member-"))).toBe(false)
  })

  it("never answers API calls, bearer requests or writes from a cache", async () => {
    const w = await installed()
    for (const r of [
      request("/api/health-archive/reports/rep_1/file"),
      request("/_next/static/chunks/offline.js", { headers: { authorization: "Bearer t" } }),
      { ...navigate("/account/inbox"), method: "POST" },
    ]) {
      expect(await w.dispatch("fetch", { request: r })).toBeUndefined()
    }
  })

  it("shows a push as a notification and opens its link when tapped", async () => {
    const w = await installed()
    const payload = {
      title: "全基因组检测：报告已出",
      body: "请查看",
      link: "/account/health/kits/k1",
      tag: "t1",
    }
    await w.dispatch("push", { data: { json: () => payload, text: () => JSON.stringify(payload) } })
    expect(w.notifications).toEqual([
      {
        title: "全基因组检测：报告已出",
        options: expect.objectContaining({
          body: "请查看",
          tag: "t1",
          data: { link: "/account/health/kits/k1" },
        }),
      },
    ])
    await w.dispatch("notificationclick", {
      notification: { close: () => undefined, data: w.notifications[0].options.data },
    })
    expect(w.opened).toEqual([`${ORIGIN}/account/health/kits/k1`])
  })
})
