import { ApiError } from "@health/core"

/** Types a browser may show in place; anything else is only ever downloaded. */
const INLINE_TYPES = new Set(["application/pdf", "image/jpeg", "image/png", "image/webp"])

/** RFC 6266 with an ASCII fallback, so Chinese file names survive every browser. */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/**
 * Passes commerce's bytes on to the browser without buffering them. Health files are private:
 * never cached by a proxy, never sniffed into something executable.
 */
export function streamArchiveFile(
  upstream: Response,
  { disposition, filename }: { disposition: "inline" | "attachment"; filename: string }
): Response {
  const type =
    upstream.headers.get("content-type")?.split(";")[0].trim() || "application/octet-stream"
  const headers = new Headers({
    "content-type": type,
    "content-disposition": contentDisposition(
      INLINE_TYPES.has(type) ? disposition : "attachment",
      filename
    ),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  })
  const length = upstream.headers.get("content-length")
  if (length) headers.set("content-length", length)
  return new Response(upstream.body, { status: 200, headers })
}

/** A refused or failed file, said in Chinese as plain text (it may open in a tab or a frame). */
export function archiveFileError(error: unknown): Response {
  const say = (status: number, message: string) =>
    new Response(message, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    })
  if (error instanceof ApiError && error.status === 401) return say(401, "登录已过期，请重新登录")
  if (error instanceof ApiError && error.status === 404) return say(404, "文件不存在或已删除")
  if (error instanceof ApiError && error.status < 500) return say(error.status, error.message)
  console.error("[health archive file]", error)
  return say(502, "文件暂时无法打开，请稍后重试")
}

/** The name a download is saved under, from the upstream's header when it sends one. */
export function upstreamFilename(upstream: Response, fallback: string): string {
  const header = upstream.headers.get("content-disposition") ?? ""
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim())
    } catch {
      // A malformed header: use our own name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain ? plain[1].trim() : fallback
}

const EXTENSIONS: Record<string, string> = {
  "application/pdf": ".pdf",
  "image/jpeg": ".jpg",
  "image/png": ".png",
  "image/webp": ".webp",
  "application/zip": ".zip",
}

/** ".pdf" for a PDF answer, and so on; "" for a type we do not name. */
export function extensionOf(upstream: Response): string {
  const type = upstream.headers.get("content-type")?.split(";")[0].trim() ?? ""
  return EXTENSIONS[type] ?? ""
}
