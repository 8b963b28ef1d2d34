/** @jest-environment node */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

/** A back end's probe: answers `path` with `status`, everything else 404. */
async function startProbe(path: string, status: number) {
  const server: Server = createServer((req, res) => {
    res.writeHead(req.url === path ? status : 404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe("the web's health probes", () => {
  let commerce: Awaited<ReturnType<typeof startProbe>>
  let cms: Awaited<ReturnType<typeof startProbe>>
  let ready: typeof import("@/app/api/health/ready/route")
  let live: typeof import("@/app/api/health/live/route")

  beforeAll(async () => {
    commerce = await startProbe("/health/live", 200)
    cms = await startProbe("/_health", 204)
    // The server reads its upstreams at start, as `next start` does.
    process.env.MEDUSA_BACKEND_URL = commerce.url
    process.env.CMS_URL = cms.url
    ready = await import("@/app/api/health/ready/route")
    live = await import("@/app/api/health/live/route")
  })

  afterAll(async () => {
    await commerce.close()
  })

  it("answers liveness with nothing upstream asked", async () => {
    const response = live.GET()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: "ok" })
    expect(response.headers.get("cache-control")).toBe("no-store")
  })

  it("is ready while commerce and the CMS answer their probes", async () => {
    const response = await ready.GET()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: "ok", checks: { commerce: "ok", cms: "ok" } })
  })

  it("answers 503 naming the CMS once it is gone, without its address", async () => {
    await cms.close()
    const response = await ready.GET()
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body).toEqual({ status: "unavailable", checks: { commerce: "ok", cms: "down" } })
    expect(JSON.stringify(body)).not.toContain("127.0.0.1")
  })
})
