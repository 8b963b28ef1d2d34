/** @jest-environment node */
import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import http from "node:http"
import type { AddressInfo } from "node:net"
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

/** Commerce's GET /public/storefront-settings, counting the calls. */
async function commerceStandIn(key: string) {
  const calls: string[] = []
  const server = http.createServer((request, response) => {
    calls.push(request.url ?? "")
    response.writeHead(200, { "content-type": "application/json" })
    response.end(JSON.stringify({ storefront_settings: { publishable_key: key } }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, calls, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** Runs the real H5 server, as the stack and the image do. */
async function serve(dir: string, env: Record<string, string>) {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, String(port), dir], {
    // Only PATH of this process: the server must find its settings in `env` alone.
    env: { PATH: process.env.PATH, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "inherit"],
  })
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()))
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() }
}

const runtimeConfig = async (url: string) => {
  const text = await (await fetch(`${url}/runtime-config.js`)).text()
  return JSON.parse(text.replace(/^window\.__HEALTH_CONFIG__ = /, ""))
}

describe("the H5 server's /runtime-config.js", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "h5-config-"))
  writeFileSync(path.join(dir, "index.html"), "<!doctype html>")
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("reads the publishable key from commerce when none is given, once", async () => {
    const commerce = await commerceStandIn("pk_from_commerce")
    const server = await serve(dir, { TARO_APP_COMMERCE_URL: commerce.url })
    try {
      expect(await runtimeConfig(server.url)).toEqual({
        commerceUrl: commerce.url,
        publishableKey: "pk_from_commerce",
      })
      await runtimeConfig(server.url)
      expect(commerce.calls).toEqual(["/public/storefront-settings"])
    } finally {
      server.stop()
      await commerce.close()
    }
  })

  it("uses TARO_APP_PUBLISHABLE_KEY when given, without asking commerce", async () => {
    const commerce = await commerceStandIn("pk_from_commerce")
    const server = await serve(dir, {
      TARO_APP_COMMERCE_URL: commerce.url,
      TARO_APP_PUBLISHABLE_KEY: "pk_given",
    })
    try {
      expect((await runtimeConfig(server.url)).publishableKey).toBe("pk_given")
      expect(commerce.calls).toEqual([])
    } finally {
      server.stop()
      await commerce.close()
    }
  })

  it("still serves the other settings while commerce cannot be reached", async () => {
    const server = await serve(dir, {
      TARO_APP_COMMERCE_URL: `http://127.0.0.1:${await freePort()}`,
    })
    try {
      const config = await runtimeConfig(server.url)
      expect(config.publishableKey).toBeUndefined()
      expect(config.commerceUrl).toMatch(/^http:\/\/127\.0\.0\.1:/)
    } finally {
      server.stop()
    }
  })
})
