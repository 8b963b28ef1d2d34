// `node scripts/serve-h5.mjs [port] [dir]`: serves the H5 build (dist/h5) as static files.
// The router runs in hash mode, so every page is index.html plus a #/pages/... hash.
import { createReadStream, existsSync, statSync } from "node:fs"
import { createServer } from "node:http"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const port = Number(process.argv[2] || process.env.MINIPROGRAM_H5_PORT || 10086)
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

createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url || "/", "http://h5").pathname)
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
}).listen(port, "127.0.0.1", () => console.log(`H5 build on http://127.0.0.1:${port}`))
