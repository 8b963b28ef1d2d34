/** @jest-environment node */
import { createHash } from "node:crypto"
import http, { type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import {
  holdStaticPageForPolicy,
  inlineScriptHashes,
  staticPagePolicy,
} from "@/lib/static-page-policy"

// The compression Next itself wraps each response in (next-server.js), applied after ours as
// in `next start`, where the server hands the response over before Next's handler runs.
const compression = require("next/dist/compiled/compression") as () => (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void
) => void

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`

const PROXY_POLICY =
  "default-src 'self'; script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; object-src 'none'"

const BOOT = "self.__next_f=self.__next_f||[]"
const PAYLOAD = 'self.__next_f.push([1,"0:{\\"P\\":null}\\n"])'
const PAGE = [
  "<!DOCTYPE html><html><head>",
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  `<script>${BOOT}</script>`,
  '<script type="application/ld+json">{"@type":"Product"}</script>',
  "</head><body><h1>基因检测</h1>",
  `<script>${PAYLOAD}</script>`,
  `<script>${BOOT}</script>`,
  "</body></html>",
].join("")

describe("the script policy of a page served from cache", () => {
  it("hashes each inline script once, skipping script files and data blocks", () => {
    expect(inlineScriptHashes(PAGE)).toEqual([sha(BOOT), sha(PAYLOAD)])
  })

  it("trades the nonce and 'strict-dynamic' for the hashes and keeps every other directive", () => {
    expect(staticPagePolicy(PROXY_POLICY, [sha(BOOT)])).toBe(
      `default-src 'self'; script-src 'self' ${sha(BOOT)}; style-src 'self' 'unsafe-inline'; object-src 'none'`
    )
    // Development's 'unsafe-eval' stays; a policy without 'self' gains it for Next's files.
    expect(staticPagePolicy("script-src 'nonce-x' 'unsafe-eval'", [])).toBe(
      "script-src 'self' 'unsafe-eval'"
    )
  })
})

type Handler = (res: ServerResponse) => void | Promise<void>

/** A server answering as Next does: our hold first, Next's compression over it, then the page. */
async function serve(handler: Handler) {
  const server = http.createServer((req, res) => {
    holdStaticPageForPolicy(res)
    compression()(req, res, () => undefined)
    res.setHeader("content-security-policy", PROXY_POLICY)
    void handler(res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return { url, close: () => new Promise((resolve) => server.close(resolve)) }
}

describe("holdStaticPageForPolicy", () => {
  it("gives a page from cache, compressed, a policy naming exactly its inline scripts", async () => {
    const { url, close } = await serve((res) => {
      res.setHeader("x-nextjs-prerender", ["1", "1"])
      res.setHeader("content-type", "text/html; charset=utf-8")
      res.setHeader("cache-control", "s-maxage=10, stale-while-revalidate=31535990")
      res.write(PAGE.slice(0, 100))
      res.end(PAGE.slice(100))
    })
    try {
      const response = await fetch(url, { headers: { "accept-encoding": "gzip" } })
      expect(response.headers.get("content-encoding")).toBe("gzip")
      expect(await response.text()).toBe(PAGE)
      expect(response.headers.get("content-security-policy")).toBe(
        staticPagePolicy(PROXY_POLICY, [sha(BOOT), sha(PAYLOAD)])
      )
      // Next's CDN directives would let a browser show a page from before a price change.
      expect(response.headers.get("cache-control")).toBe("public, no-cache")
    } finally {
      await close()
    }
  })

  it("streams a page rendered for one request as it comes, nonce policy untouched", async () => {
    let release: () => void = () => undefined
    const later = new Promise<void>((resolve) => (release = resolve))
    const { url, close } = await serve(async (res) => {
      res.setHeader("content-type", "text/html; charset=utf-8")
      res.setHeader("cache-control", "private, no-store")
      res.write("<html><body>first part")
      await later
      res.end("</body></html>")
    })
    try {
      const response = await fetch(url, { headers: { "accept-encoding": "identity" } })
      expect(response.headers.get("content-security-policy")).toBe(PROXY_POLICY)
      expect(response.headers.get("cache-control")).toBe("private, no-store")
      // The head and the first part arrive while the page is still being rendered.
      const reader = response.body!.getReader()
      const first = new TextDecoder().decode((await reader.read()).value)
      expect(first).toBe("<html><body>first part")
      release()
      let rest = ""
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        rest += new TextDecoder().decode(part.value)
      }
      expect(rest).toBe("</body></html>")
    } finally {
      release()
      await close()
    }
  })

  it("streams a cached page's RSC payload untouched, telling browsers to ask every time", async () => {
    const { url, close } = await serve((res) => {
      res.setHeader("x-nextjs-prerender", "1")
      res.setHeader("content-type", "text/x-component")
      res.setHeader("cache-control", "s-maxage=10, stale-while-revalidate=31535990")
      res.end(`<script>${BOOT}</script>`)
    })
    try {
      const response = await fetch(url)
      expect(response.headers.get("content-security-policy")).toBe(PROXY_POLICY)
      // Chrome revalidated stale prefetches in the background after every reload.
      expect(response.headers.get("cache-control")).toBe("public, no-cache")
      expect(await response.text()).toBe(`<script>${BOOT}</script>`)
    } finally {
      await close()
    }
  })
})
