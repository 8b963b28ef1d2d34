/** @jest-environment node */
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import path from "node:path"

const SCRIPT = path.join(__dirname, "..", "scripts", "serve-h5.mjs")

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** Runs the real H5 server on a folder, as the stack and the image do. */
async function serve(dir: string) {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, String(port), dir], {
    stdio: ["ignore", "pipe", "inherit"],
  })
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()))
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() }
}

describe("the mini-program H5 server's /health", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "h5-health-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("answers 503 while there is no build to serve, 200 once there is", async () => {
    const server = await serve(dir)
    try {
      const missing = await fetch(`${server.url}/health`)
      expect(missing.status).toBe(503)
      expect(await missing.json()).toEqual({
        status: "unavailable",
        checks: { build: "missing" },
      })

      writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>健康</title>")
      const ready = await fetch(`${server.url}/health`)
      expect(ready.status).toBe(200)
      expect(ready.headers.get("cache-control")).toBe("no-store")
      expect(await ready.json()).toEqual({ status: "ok", checks: { build: "ok" } })
    } finally {
      server.stop()
    }
  })

  it("answers a malformed path with 400 and keeps serving", async () => {
    writeFileSync(path.join(dir, "index.html"), "<!doctype html>")
    const server = await serve(dir)
    try {
      expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(400)
      expect((await fetch(`${server.url}/health`)).status).toBe(200)
    } finally {
      server.stop()
    }
  })
})
