import type { IncomingMessage, ServerResponse } from "node:http"

/** Pictures a browser shows inline; anything else from the public file store is a download. */
const INLINE_IMAGE = /^image\/(png|jpeg|gif|webp|avif)\b/i

const COMMON = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
}

/** The admin is a single-page app from this origin; it calls this API and shows pictures. */
function adminPolicy(apiOrigin: string) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self' ${apiOrigin}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

/**
 * The security headers of one response of commerce, by what it is: the admin app (/app),
 * a file from the public store (/static), a PDF (health reports open in the browser's viewer)
 * or an API answer. Headers a route set itself are kept.
 */
export function securityHeadersFor(
  path: string,
  contentType: string,
  apiOrigin = ""
): Record<string, string> {
  const lowerPath = path.toLowerCase()
  if (lowerPath === "/app" || lowerPath.startsWith("/app/")) {
    return {
      ...COMMON,
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": adminPolicy(apiOrigin),
    }
  }
  if (lowerPath.startsWith("/static/")) {
    return {
      ...COMMON,
      "X-Frame-Options": "DENY",
      // Nothing from the file store may run, even if a file's type was guessed wrong.
      "Content-Security-Policy":
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      ...(INLINE_IMAGE.test(contentType) ? {} : { "Content-Disposition": "attachment" }),
    }
  }
  if (/^application\/pdf\b/i.test(contentType)) {
    return {
      ...COMMON,
      "X-Frame-Options": "SAMEORIGIN",
      // The browser's PDF viewer needs object-src; nothing else loads.
      "Content-Security-Policy":
        "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    }
  }
  return {
    ...COMMON,
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  }
}

/**
 * Adds the headers just before a response's head is written, whatever wrote it (Medusa's
 * routes, its static file server, the admin bundle), and drops `X-Powered-By`.
 */
export function guardResponseHeaders(req: IncomingMessage, res: ServerResponse, apiOrigin = "") {
  // Read now: Express strips a mount path from req.url (the admin app is mounted at /app).
  const path = (req.url ?? "/").split(/[?#]/)[0]
  const writeHead = res.writeHead
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      this.removeHeader("X-Powered-By")
      const type = String(this.getHeader("Content-Type") ?? "")
      for (const [name, value] of Object.entries(securityHeadersFor(path, type, apiOrigin))) {
        if (!this.hasHeader(name)) this.setHeader(name, value)
      }
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse["writeHead"]
}
