// `node scripts/serve-h5.mjs [port] [dir]`: serves the H5 build (dist/h5) as static files.
// The router runs in hash mode, so every page is index.html plus a #/pages/... hash.
// /runtime-config.js tells the build its back ends from this process's TARO_APP_* variables
// (the publishable key read from commerce when not given), so an unchanged build is reused
// whatever commerce URL and publishable key a run has.
import { createReadStream, existsSync, statSync } from "node:fs"
import { createServer } from "node:http"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const port = Number(process.argv[2] || process.env.MINIPROGRAM_H5_PORT || 10086)
// Loopback unless told otherwise: the H5 image listens on every interface (HOST=0.0.0.0).
const host = process.env.HOST || "127.0.0.1"
const root = path.resolve(process.argv[3] || path.join(here, "..", "dist", "h5"))

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
}

const runtimeConfig = Object.fromEntries(
  Object.entries({
    commerceUrl: process.env.TARO_APP_COMMERCE_URL,
    publishableKey: process.env.TARO_APP_PUBLISHABLE_KEY,
    cmsUrl: process.env.TARO_APP_CMS_URL,
    cmsToken: process.env.TARO_APP_CMS_TOKEN,
    webUrl: process.env.TARO_APP_WEB_URL,
  }).filter(([, value]) => value)
)

/** 200 once the build is there to serve, 503 otherwise: the orchestrator's probe. */
function health(res) {
  const built = existsSync(path.join(root, "index.html"))
  res.writeHead(built ? 200 : 503, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  })
  res.end(
    JSON.stringify({
      status: built ? "ok" : "unavailable",
      checks: { build: built ? "ok" : "missing" },
    })
  )
}

// Without TARO_APP_PUBLISHABLE_KEY the key is read from commerce (GET /public/storefront-settings),
// through its internal address when one is given, and kept five minutes: nobody copies it by hand.
const keySource = process.env.MEDUSA_BACKEND_URL || process.env.TARO_APP_COMMERCE_URL
let readKey = null

async function publishableKey() {
  if (runtimeConfig.publishableKey || !keySource) return runtimeConfig.publishableKey
  if (readKey && readKey.until > Date.now()) return readKey.key
  try {
    const response = await fetch(new URL("/public/storefront-settings", keySource), {
      signal: AbortSignal.timeout(5000),
    })
    const key = (await response.json())?.storefront_settings?.publishable_key
    if (response.ok && key) {
      readKey = { key, until: Date.now() + 5 * 60_000 }
      return key
    }
    console.error(`[h5] commerce answered ${response.status} for the publishable key`)
  } catch (error) {
    console.error(`[h5] publishable key unavailable: ${error.message}`)
  }
  return undefined
}

async function serveRuntimeConfig(res) {
  const key = await publishableKey()
  res.writeHead(200, {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "no-store",
  })
  const config = key ? { ...runtimeConfig, publishableKey: key } : runtimeConfig
  res.end(`window.__HEALTH_CONFIG__ = ${JSON.stringify(config)}\n`)
}

createServer((req, res) => {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(req.url || "/", "http://h5").pathname)
  } catch {
    // A malformed escape must not take the server down.
    res.writeHead(400).end()
    return
  }
  if (pathname === "/health") {
    health(res)
    return
  }
  if (pathname === "/runtime-config.js") {
    void serveRuntimeConfig(res)
    return
  }
  let file = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""))
  if (!file.startsWith(root)) {
    res.writeHead(403).end()
    return
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, "index.html")
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": file.endsWith("index.html") ? "no-cache" : "public, max-age=31536000",
  })
  createReadStream(file).pipe(res)
}).listen(port, host, () => console.log(`H5 build on http://${host}:${port}`))

// Started by the stack: leave with it, so a stale server never holds the port for the next run.
const parent = process.ppid
setInterval(() => {
  try {
    process.kill(parent, 0)
  } catch {
    process.exit(0)
  }
}, 2000).unref()
