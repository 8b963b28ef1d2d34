/*
 * 健康服务平台's service worker (registered by components/pwa/offline-support.tsx in
 * production builds only). What it keeps, and for how long:
 *
 * - the app shell (the 当前离线 page, its scripts and styles, the manifest and icons), so
 *   a navigation that cannot reach the server shows that page instead of the browser's error;
 * - built files and icons, stale-while-revalidate (they are content-hashed or harmless);
 * - the signed-in member's last viewed 消息中心 and report pages, in a cache named for that
 *   member and deleted on sign-out, when another member signs in, when the server sends
 *   such a page to the sign-in page, and a week after it was filled (the session cookie's
 *   lifetime), so personal pages never outlive the member's session on this device.
 *
 * Nothing else is stored: no /api route, no request carrying an Authorization header, no
 * other page (pages show the cart and the signed-in header), no POST.
 *
 * The routing rules are plain functions exported for the unit test
 * (__tests__/service-worker.test.ts); the listeners at the end only wire them to the browser.
 */

/** Bump to drop every cache of the previous version on activate. */
const VERSION = "v1"
const CACHE_PREFIX = "health-"
const SHELL_CACHE = `${CACHE_PREFIX}shell-${VERSION}`
const STATIC_CACHE = `${CACHE_PREFIX}static-${VERSION}`
const MEMBER_CACHE_PREFIX = `${CACHE_PREFIX}member-${VERSION}-`
const OFFLINE_URL = "/offline"
const SHELL_URLS = [OFFLINE_URL, "/manifest.webmanifest", "/icon.svg", "/icons/maskable-192.png"]
/** Built files kept at most (oldest dropped first): a few deploys' worth. */
const STATIC_LIMIT = 200
/** The session cookie's lifetime (lib/session.ts): a member cache never lives longer. */
const MEMBER_CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000
/** How old the kept 当前离线 page may get before a visit refreshes it (new deploys). */
const SHELL_MAX_AGE_MS = 12 * 60 * 60 * 1000
/** The request that records when a member cache was filled and for whom. */
const MEMBER_META_PATH = "/__member-cache-meta"

/** The member pages kept for offline reading: 消息中心, the report list and a report. */
function memberPageKind(url) {
  if (url.pathname === "/account/inbox") return "inbox"
  if (url.pathname === "/account/health" && url.searchParams.get("tab") === "reports") {
    return "reports"
  }
  if (/^\/account\/health\/reports\/[^/]+$/.test(url.pathname)) return "report"
  return null
}

function isStaticAsset(url) {
  return (
    url.pathname.startsWith("/_next/static/") ||
    url.pathname.startsWith("/icons/") ||
    /^\/(icon\d*\.(png|svg)|apple-icon\.png|favicon\.ico|manifest\.webmanifest)$/.test(url.pathname)
  )
}

/**
 * What to do with a request: "bypass" (the network, untouched), "member-page" (network
 * first, kept in the member's cache, the kept copy or the offline page when offline),
 * "navigation" (network first, the offline page when offline), "static"
 * (stale-while-revalidate). `request` needs url, method, mode and headers (a Headers or a
 * plain object).
 */
function routeRequest(request, origin) {
  const url = new URL(request.url)
  if (request.method !== "GET" || url.origin !== origin) return "bypass"
  const header = (name) =>
    typeof request.headers.get === "function"
      ? request.headers.get(name)
      : (request.headers[name] ?? request.headers[name.toLowerCase()])
  if (header("authorization")) return "bypass"
  if (url.pathname.startsWith("/api/") || url.pathname === "/sw.js") return "bypass"
  // Next's client navigations fetch RSC payloads: personal, and useless without the page.
  if (header("rsc") || url.searchParams.has("_rsc")) return "bypass"
  if (request.mode === "navigate") return memberPageKind(url) ? "member-page" : "navigation"
  if (isStaticAsset(url)) return "static"
  return "bypass"
}

/** A member's cache; the key is their customer id, kept to id characters. */
function memberCacheName(memberKey) {
  const key = String(memberKey || "").replace(/[^A-Za-z0-9_-]/g, "")
  return key ? `${MEMBER_CACHE_PREFIX}${key}` : null
}

function isMemberCacheName(name) {
  return name.startsWith(`${CACHE_PREFIX}member-`)
}

/** On activate: every cache of ours that is not this version's. */
function obsoleteCaches(names) {
  return names.filter(
    (name) =>
      name.startsWith(CACHE_PREFIX) &&
      name !== SHELL_CACHE &&
      name !== STATIC_CACHE &&
      !name.startsWith(MEMBER_CACHE_PREFIX)
  )
}

/** Member caches to delete when `keep` (a cache name, or null for none) is the member now. */
function memberCachesToDelete(names, keep) {
  return names.filter((name) => isMemberCacheName(name) && name !== keep)
}

function memberCacheExpired(meta, now) {
  return (
    !meta || typeof meta.filled_at !== "number" || now - meta.filled_at > MEMBER_CACHE_MAX_AGE_MS
  )
}

function shellIsStale(storedAt, now) {
  return typeof storedAt !== "number" || now - storedAt > SHELL_MAX_AGE_MS
}

/** The built scripts and styles a page loads, so the offline page works without the network. */
function assetsOfHtml(html, origin) {
  const found = new Set()
  const pattern = /(?:src|href)="([^"]*\/_next\/static\/[^"]+)"/g
  let match
  while ((match = pattern.exec(html))) {
    const url = new URL(match[1].replace(/&amp;/g, "&"), origin)
    if (url.origin === origin) found.add(url.pathname + url.search)
  }
  return [...found]
}

/** Where tapping a notification goes: a path of this shop, else 消息中心. */
function notificationTarget(link, origin) {
  if (typeof link === "string" && /^\/(?!\/)/.test(link)) {
    const url = new URL(link, origin)
    if (url.origin === origin) return url.pathname + url.search + url.hash
  }
  return "/account/inbox"
}

/** The notification for a push payload (commerce's WebPushMessage). */
function notificationOf(payload, origin) {
  const message = payload && typeof payload === "object" ? payload : {}
  return {
    title: typeof message.title === "string" && message.title ? message.title : "健康服务平台",
    options: {
      body: typeof message.body === "string" ? message.body : "",
      tag: typeof message.tag === "string" ? message.tag : undefined,
      icon: "/icons/maskable-192.png",
      badge: "/icons/maskable-192.png",
      lang: "zh-CN",
      data: { link: notificationTarget(message.link, origin) },
    },
  }
}

const rules = {
  VERSION,
  SHELL_CACHE,
  STATIC_CACHE,
  MEMBER_CACHE_PREFIX,
  OFFLINE_URL,
  SHELL_URLS,
  memberPageKind,
  routeRequest,
  memberCacheName,
  isMemberCacheName,
  obsoleteCaches,
  memberCachesToDelete,
  memberCacheExpired,
  shellIsStale,
  assetsOfHtml,
  notificationTarget,
  notificationOf,
}

if (typeof module === "object" && module.exports) {
  module.exports = rules
} else {
  installWorker(self)
}

function installWorker(worker) {
  const origin = worker.location.origin
  /** When each member page was last stored, so a page's own "remember" message skips a refetch. */
  const storedAt = new Map()

  async function precacheShell() {
    const cache = await caches.open(SHELL_CACHE)
    // Without cookies: the kept page shows no one's header, cart or unread count.
    const offline = await fetch(new Request(OFFLINE_URL, { credentials: "omit", cache: "reload" }))
    if (!offline.ok) throw new Error(`offline page: ${offline.status}`)
    const html = await offline.clone().text()
    await cache.put(OFFLINE_URL, offline)
    await Promise.all(
      SHELL_URLS.filter((url) => url !== OFFLINE_URL).map((url) =>
        cache.add(new Request(url, { credentials: "omit" })).catch(() => undefined)
      )
    )
    const statics = await caches.open(STATIC_CACHE)
    await Promise.all(
      assetsOfHtml(html, origin).map((url) =>
        statics.add(new Request(url, { credentials: "omit" })).catch(() => undefined)
      )
    )
    await cache.put("/__shell-meta", new Response(JSON.stringify({ stored_at: Date.now() })))
  }

  async function refreshShellIfStale() {
    const meta = await (await caches.open(SHELL_CACHE)).match("/__shell-meta")
    const storedAt = meta ? (await meta.json()).stored_at : undefined
    if (shellIsStale(storedAt, Date.now())) await precacheShell()
  }

  /** The current member's cache, if one is kept and not expired (expired ones are deleted). */
  async function currentMemberCache() {
    const names = (await caches.keys()).filter((name) => name.startsWith(MEMBER_CACHE_PREFIX))
    for (const name of names) {
      const cache = await caches.open(name)
      const meta = await cache.match(MEMBER_META_PATH)
      if (!memberCacheExpired(meta ? await meta.json() : null, Date.now())) return name
      await caches.delete(name)
    }
    return null
  }

  async function forgetMembers(keep = null) {
    const names = await caches.keys()
    await Promise.all(memberCachesToDelete(names, keep).map((name) => caches.delete(name)))
    for (const key of [...storedAt.keys()]) if (!key.startsWith(`${keep}|`)) storedAt.delete(key)
  }

  /** Makes `memberKey`'s cache the only member cache; answers its name. */
  async function becomeMember(memberKey) {
    const name = memberCacheName(memberKey)
    if (!name) return null
    await forgetMembers(name)
    const cache = await caches.open(name)
    if (!(await cache.match(MEMBER_META_PATH))) {
      await cache.put(
        MEMBER_META_PATH,
        new Response(JSON.stringify({ member: memberKey, filled_at: Date.now() }))
      )
    }
    return name
  }

  async function storeMemberPage(cacheName, path, response) {
    if (!response || !response.ok || response.type !== "basic" || response.redirected) return
    await (await caches.open(cacheName)).put(path, response)
    storedAt.set(`${cacheName}|${path}`, Date.now())
  }

  async function offlinePage() {
    return (
      (await caches.match(OFFLINE_URL, { cacheName: SHELL_CACHE })) ||
      new Response("<h1>当前离线</h1><p>请检查网络连接后重试。</p>", {
        status: 503,
        headers: { "content-type": "text/html; charset=utf-8" },
      })
    )
  }

  async function memberPage(event) {
    const url = new URL(event.request.url)
    const path = url.pathname + url.search
    const cacheName = await currentMemberCache()
    try {
      const response = await fetch(event.request)
      // Sent elsewhere (to sign in): whoever was signed in here is not any more.
      if (response.type === "opaqueredirect" || response.redirected) await forgetMembers(null)
      else if (cacheName) event.waitUntil(storeMemberPage(cacheName, path, response.clone()))
      return response
    } catch {
      const kept = cacheName && (await (await caches.open(cacheName)).match(path))
      return kept || offlinePage()
    }
  }

  async function navigation(event) {
    if (new URL(event.request.url).pathname === "/account/sign-in") {
      // Someone is about to sign in: no member's pages stay for them to see.
      event.waitUntil(forgetMembers(null))
    }
    try {
      return await fetch(event.request)
    } catch {
      return offlinePage()
    }
  }

  async function staleWhileRevalidate(event) {
    const cache = await caches.open(STATIC_CACHE)
    const cached = await cache.match(event.request)
    const refresh = fetch(event.request).then(async (response) => {
      if (response.ok && response.type === "basic") {
        await cache.put(event.request, response.clone())
        const keys = await cache.keys()
        await Promise.all(
          keys.slice(0, Math.max(0, keys.length - STATIC_LIMIT)).map((k) => cache.delete(k))
        )
      }
      return response
    })
    if (cached) {
      event.waitUntil(refresh.catch(() => undefined))
      return cached
    }
    return refresh
  }

  worker.addEventListener("install", (event) => {
    event.waitUntil(precacheShell().then(() => worker.skipWaiting()))
  })

  worker.addEventListener("activate", (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((names) => Promise.all(obsoleteCaches(names).map((name) => caches.delete(name))))
        .then(() => worker.clients.claim())
    )
  })

  worker.addEventListener("fetch", (event) => {
    const route = routeRequest(event.request, origin)
    if (route === "member-page") event.respondWith(memberPage(event))
    else if (route === "navigation") event.respondWith(navigation(event))
    else if (route === "static") event.respondWith(staleWhileRevalidate(event))
  })

  worker.addEventListener("message", (event) => {
    const message = event.data || {}
    if (event.origin && event.origin !== origin) return
    if (message.type === "signed-out") {
      event.waitUntil(
        Promise.all([
          forgetMembers(null),
          // Reminders are the member's, not the device's: none arrive after they sign out.
          worker.registration.pushManager
            .getSubscription()
            .then((subscription) => subscription && subscription.unsubscribe())
            .catch(() => undefined),
        ])
      )
    } else if (message.type === "member-page") {
      event.waitUntil(rememberPage(message.member, message.path))
    } else if (message.type === "page-shown") {
      event.waitUntil(refreshShellIfStale().catch(() => undefined))
    }
  })

  /** A member page tells us who is signed in and what they are reading. */
  async function rememberPage(memberKey, path) {
    const cacheName = await becomeMember(memberKey)
    if (!cacheName || typeof path !== "string") return
    const url = new URL(path, origin)
    if (url.origin !== origin || !memberPageKind(url)) return
    const key = url.pathname + url.search
    const last = storedAt.get(`${cacheName}|${key}`)
    if (last && Date.now() - last < 30_000) return
    // Reached by a client-side navigation, the page's HTML never passed through here.
    const response = await fetch(key, {
      credentials: "same-origin",
      headers: { accept: "text/html" },
    })
    if (response.redirected) return forgetMembers(null)
    await storeMemberPage(cacheName, key, response)
  }

  worker.addEventListener("push", (event) => {
    let payload = null
    try {
      payload = event.data ? event.data.json() : null
    } catch {
      payload = { body: event.data ? event.data.text() : "" }
    }
    const { title, options } = notificationOf(payload, origin)
    event.waitUntil(worker.registration.showNotification(title, options))
  })

  worker.addEventListener("notificationclick", (event) => {
    event.notification.close()
    const target = new URL(notificationTarget(event.notification.data?.link, origin), origin).href
    event.waitUntil(
      worker.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
        const open = windows.find((client) => new URL(client.url).origin === origin)
        // A window this worker does not control cannot be navigated: open a new one then.
        if (open) {
          return open
            .focus()
            .then(() => open.navigate(target))
            .catch(() => worker.clients.openWindow(target))
        }
        return worker.clients.openWindow(target)
      })
    )
  })
}
