import { createHash } from "node:crypto"
import http, { type IncomingMessage, type ServerResponse } from "node:http"
import zlib from "node:zlib"

/**
 * Pages served from Next's full-route cache were rendered once for everyone, so they cannot
 * carry the per-response nonce the proxy puts in the Content-Security-Policy: their scripts
 * would be refused. Such a response (Next marks it `x-nextjs-prerender: 1`) is held until its
 * last byte and its policy rewritten to allow exactly the inline scripts it contains, by
 * their SHA-256 (CSP level 2 hashes), and the shop's own script files ('self'). Injected markup
 * still cannot run script: it would need a hash of its own in the header. Pages rendered per
 * request keep the nonce and are streamed untouched.
 *
 * The same pages' Cache-Control, and their RSC payloads', is Next's word to a CDN (s-maxage,
 * and a year of stale-while-revalidate), which a browser applies to its own cache: Chrome
 * showed a price an admin had just changed from its cache while fetching the new page behind
 * it, and revalidated prefetched payloads in the background after every reload. Browsers and
 * proxies are told to ask every time instead (an unchanged page answers 304 by its ETag).
 */
export const CACHED_PAGE_CACHE_CONTROL = "public, no-cache"

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi

/** The `'sha256-…'` source of every inline script of a page, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`) || body.length === 0) continue
    // Data blocks (JSON-LD, type="application/json") are not run, so need no hash.
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(` ${attributes}`)?.[1]?.toLowerCase()
    if (type && !["text/javascript", "module", "application/javascript"].includes(type)) continue
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`)
  }
  return [...hashes]
}

/**
 * The proxy's policy for a page served from cache: script-src loses the nonce and
 * 'strict-dynamic' (which would ignore 'self' and the hashes' scripts' own loads) and gains
 * the page's inline script hashes; every other directive is kept as the proxy wrote it.
 */
export function staticPagePolicy(policy: string, hashes: string[]): string {
  return policy
    .split(";")
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name, ...sources] = directive.split(/\s+/)
      if (name !== "script-src") return directive
      const kept = sources.filter((s) => !s.startsWith("'nonce-") && s !== "'strict-dynamic'")
      return [name, ...(kept.includes("'self'") ? kept : ["'self'", ...kept]), ...hashes].join(" ")
    })
    .join("; ")
}

function decoded(body: Buffer, encoding: string | undefined): string {
  if (encoding === "gzip") return zlib.gunzipSync(body).toString("utf8")
  if (encoding === "deflate") return zlib.inflateSync(body).toString("utf8")
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString("utf8")
  return body.toString("utf8")
}

type Headers = Record<string, unknown>

/** Headers given to writeHead itself rather than set one by one. */
const headersIn = (head: unknown[] | null): Headers =>
  (head?.find((item) => item && typeof item === "object" && !Array.isArray(item)) as Headers) ?? {}

/** A header's value; Next may set one twice (x-nextjs-prerender is), so an array's first. */
function headerOf(response: ServerResponse, given: Headers, name: string): string {
  const own = Object.entries(given).find(([key]) => key.toLowerCase() === name)?.[1]
  const value = own ?? response.getHeader(name) ?? ""
  return String(Array.isArray(value) ? value[0] : value)
}

const isFromCache = (response: ServerResponse, given: Headers) =>
  headerOf(response, given, "x-nextjs-prerender") === "1"

const isHtml = (response: ServerResponse, given: Headers) =>
  /^text\/html/i.test(headerOf(response, given, "content-type"))

type Chunk = string | Buffer | Uint8Array

const toBuffer = (chunk: Chunk, encoding?: unknown) =>
  Buffer.isBuffer(chunk)
    ? chunk
    : typeof chunk === "string"
      ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding)
      : Buffer.from(chunk)

const callbackIn = (args: unknown[]) =>
  args.find((item) => typeof item === "function") as (() => void) | undefined

/**
 * Decides, when the response's head is written (its headers are all set by then), whether it
 * is a page from cache. Other responses go through at once. A page from cache is held until
 * its end, its policy rewritten, then sent as it came. Next compresses below this (its
 * compression wraps the response after the server hands it over), so the held body is decoded
 * to read the scripts. The wrappers stay in place (Next's compression holds references to
 * them) and only pass calls on once decided.
 */
export function holdStaticPageForPolicy(response: ServerResponse): void {
  const original = { writeHead: response.writeHead, write: response.write, end: response.end }
  let decided: "stream" | "hold" | null = null
  let head: unknown[] | null = null
  const held: Buffer[] = []
  const decide = (given: Headers = {}) => {
    if (decided) return decided
    const fromCache = isFromCache(response, given)
    // The page's HTML and its RSC payload (what client navigations and prefetches read) alike.
    if (fromCache) response.setHeader("cache-control", CACHED_PAGE_CACHE_CONTROL)
    decided = fromCache && isHtml(response, given) ? "hold" : "stream"
    return decided
  }

  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (decide(headersIn(args)) === "stream") return Reflect.apply(original.writeHead, this, args)
    head = args
    return this
  } as typeof response.writeHead

  response.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
    if (decide() === "stream") return Reflect.apply(original.write, this, [chunk, ...rest])
    held.push(toBuffer(chunk, rest[0]))
    callbackIn(rest)?.()
    return true
  } as typeof response.write

  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (decide() === "stream") return Reflect.apply(original.end, this, args)
    const [chunk, encoding] = args
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
      held.push(toBuffer(chunk as Chunk, encoding))
    }
    const body = Buffer.concat(held)
    for (const [name, value] of Object.entries(headersIn(head))) {
      this.setHeader(name, value as string)
    }
    const policy = this.getHeader("content-security-policy")
    if (typeof policy === "string" && body.length > 0) {
      try {
        const encoding = String(this.getHeader("content-encoding") ?? "") || undefined
        const hashes = inlineScriptHashes(decoded(body, encoding))
        this.setHeader("content-security-policy", staticPagePolicy(policy, hashes))
      } catch (error) {
        // A body that cannot be read keeps the nonce policy: its scripts are refused, not run.
        console.error(
          "[static-page-policy] could not read a cached page:",
          (error as Error).message
        )
      }
    }
    const [status, message] = head ?? [this.statusCode]
    Reflect.apply(
      original.writeHead,
      this,
      typeof message === "string" ? [status, message] : [status]
    )
    const callback = callbackIn(args)
    return Reflect.apply(original.end, this, callback ? [body, callback] : [body])
  } as typeof response.end
}

const HOLDING = Symbol.for("health.web.static-page-policy")
type Patched = typeof http.Server.prototype & { [HOLDING]?: true }

/** Applies holdStaticPageForPolicy to every response of this process's HTTP servers (Next's). */
export function installStaticPagePolicy(): void {
  const prototype = http.Server.prototype as Patched
  if (prototype[HOLDING]) return
  const emit = prototype.emit
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse]
      if (request.method === "GET" || request.method === "HEAD") holdStaticPageForPolicy(response)
    }
    return Reflect.apply(emit, this, [event, ...args])
  } as typeof prototype.emit
  Object.defineProperty(prototype, HOLDING, { value: true })
}
