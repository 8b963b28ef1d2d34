import http from "node:http"
import type { AddressInfo } from "node:net"
import { register } from "../../../../instrumentation"
import { securityHeadersFor } from "../security-headers"

type Tracer = (
  handler: () => Promise<void>,
  req: http.IncomingMessage,
  res: http.ServerResponse
) => Promise<void>

let start: { traceRequestHandler: Tracer }

/** A server that answers like `medusa start` does: every request through the hook. */
async function serve(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const server = http.createServer((req, res) => {
    void start.traceRequestHandler(async () => answer(req, res), req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() }
}

describe("commerce security headers", () => {
  // Loading `medusa start` loads most of Medusa: 10 s alone, past a test's 30 s on a busy
  // machine (CI saw 40 s), so it happens once, before the tests and outside their time.
  beforeAll(() => {
    register()
    start = require("@medusajs/medusa/commands/start") as { traceRequestHandler: Tracer }
  }, 180_000)

  it("serves a stored HTML file as a sandboxed download with nosniff, and never says Express", async () => {
    const server = await serve((_req, res) => {
      res.setHeader("X-Powered-By", "Express")
      res.setHeader("Content-Type", "text/html; charset=UTF-8")
      res.end("<script>alert(1)</script>")
    })
    try {
      const response = await fetch(`${server.base}/static/1700-evil.html`)
      expect(response.headers.get("content-disposition")).toBe("attachment")
      expect(response.headers.get("x-content-type-options")).toBe("nosniff")
      expect(response.headers.get("content-security-policy")).toContain("sandbox")
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'")
      expect(response.headers.get("x-powered-by")).toBeNull()
    } finally {
      server.close()
    }
  })

  it("shows stored pictures inline, frames nothing in the admin, and keeps a route's own policy", async () => {
    const server = await serve((req, res) => {
      // Express strips the mount path before the admin app answers (app.use("/app", …)).
      if (req.url!.startsWith("/app/")) req.url = req.url!.slice("/app".length)
      if (req.url === "/store/own") res.setHeader("Content-Security-Policy", "default-src 'self'")
      res.setHeader("Content-Type", req.url!.startsWith("/static") ? "image/png" : "text/html")
      res.end("x")
    })
    try {
      const picture = await fetch(`${server.base}/static/a.png`)
      expect(picture.headers.get("content-disposition")).toBeNull()
      expect(picture.headers.get("x-content-type-options")).toBe("nosniff")
      const admin = await fetch(`${server.base}/app/orders`)
      expect(admin.headers.get("x-frame-options")).toBe("DENY")
      expect(admin.headers.get("content-security-policy")).toContain("frame-ancestors 'none'")
      expect(admin.headers.get("content-security-policy")).toContain("script-src 'self'")
      expect(admin.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin")
      const own = await fetch(`${server.base}/store/own`)
      expect(own.headers.get("content-security-policy")).toBe("default-src 'self'")
    } finally {
      server.close()
    }
  })

  it("lets the browser's PDF viewer show a report, and nothing else load", () => {
    const pdf = securityHeadersFor("/admin/health-archive/reports/r1/file", "application/pdf")
    expect(pdf["Content-Security-Policy"]).toContain("object-src 'self'")
    expect(pdf["Content-Security-Policy"]).toContain("default-src 'none'")
    const svg = securityHeadersFor("/STATIC/x.svg", "image/svg+xml")
    expect(svg["Content-Disposition"]).toBe("attachment")
    const json = securityHeadersFor("/store/products", "application/json")
    expect(json["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'")
  })
})
