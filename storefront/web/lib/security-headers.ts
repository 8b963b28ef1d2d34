/** Headers every response of the shop carries, whatever it is. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  // SAMEORIGIN, not DENY: the report page shows the lab report PDF in an iframe of its own.
  "X-Frame-Options": "SAMEORIGIN",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
}

export type PolicySources = {
  /** Origins the browser loads images from besides the shop: commerce's files, the CMS's media. */
  imageOrigins: string[]
  /** `next dev` evaluates code for its overlay and talks to its HMR socket. */
  development: boolean
  /** WebSocket origins pages connect to: the 视频问诊 signalling service (VIDEO_SIGNALLING_URL). */
  socketOrigins?: string[]
}

const socketOriginOf = (url: string | undefined): string | null => {
  if (!url) return null
  try {
    const { protocol, host } = new URL(url)
    return protocol === "ws:" || protocol === "wss:" ? `${protocol}//${host}` : null
  } catch {
    return null
  }
}

const originOf = (url: string | undefined): string | null => {
  if (!url) return null
  try {
    const { origin, protocol } = new URL(url)
    return protocol === "http:" || protocol === "https:" ? origin : null
  } catch {
    return null
  }
}

/**
 * Where the browser fetches images from: commerce's public URL (product pictures from its file
 * module; `COMMERCE_PUBLIC_URL` when the browser reaches commerce elsewhere than this server
 * does), the CMS's public URL (article covers, banners) and the object store's public URL when
 * files live there (S3_FILE_URL, else S3_ENDPOINT). Everything else is the shop itself.
 */
export function policySourcesFromEnv(env: NodeJS.ProcessEnv = process.env): PolicySources {
  const imageOrigins = [
    originOf(env.COMMERCE_PUBLIC_URL || env.MEDUSA_BACKEND_URL || "http://localhost:9000"),
    originOf(env.CMS_PUBLIC_URL || env.CMS_URL || "http://localhost:1337"),
    // With object storage on, both keep their pictures in the bucket (docs/storage.md).
    originOf(env.S3_FILE_URL || env.S3_ENDPOINT),
  ].filter((origin): origin is string => origin !== null)
  const signalling = socketOriginOf(env.VIDEO_SIGNALLING_URL)
  return {
    imageOrigins: [...new Set(imageOrigins)],
    development: env.NODE_ENV === "development",
    ...(signalling ? { socketOrigins: [signalling] } : {}),
  }
}

/**
 * The shop's Content-Security-Policy for one response. Scripts run only with this response's
 * nonce (Next puts it on its own inline bootstrap and chunks; 'strict-dynamic' lets those
 * load the rest), so injected markup cannot run script. Styles stay 'unsafe-inline' because
 * React renders style attributes (progress bars) that a nonce cannot cover.
 */
export function contentSecurityPolicy(nonce: string, sources: PolicySources): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(sources.development ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", ...sources.imageOrigins],
    ["font-src", "'self'", "data:"],
    [
      "connect-src",
      "'self'",
      ...(sources.socketOrigins ?? []),
      ...(sources.development ? ["ws:", "wss:"] : []),
    ],
    ["frame-src", "'self'"],
    // The service worker (public/sw.js): only this site's own script may be registered.
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["frame-ancestors", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
  ]
  return directives.map((parts) => parts.join(" ")).join("; ")
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  const bytes = new Uint8Array(18)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

/** For files Next serves without running the proxy (built chunks and styles). */
export const STATIC_FILE_POLICY = "default-src 'none'; frame-ancestors 'none'"

const policy = (directives: string[]) => directives.join("; ")

/**
 * For route handlers under /api: JSON, files and small refusal pages in Chinese, never script.
 * Inline styles only for those refusal pages.
 */
export const ROUTE_POLICY = policy([
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
])

/**
 * For a member's own files shown in the browser (lab report PDFs, archive uploads): as for
 * routes, but Chrome shows a PDF through a plugin, which `object-src 'none'` on the PDF's own
 * response blocks, so the file itself may be the plugin's data.
 */
export const INLINE_FILE_POLICY = ROUTE_POLICY.replace("object-src 'none'", "object-src 'self'")
