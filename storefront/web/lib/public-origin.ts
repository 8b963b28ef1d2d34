/**
 * The shop's origin as shoppers' browsers see it: `STOREFRONT_PUBLIC_URL` (formerly
 * `STOREFRONT_URL`, still read), the same setting commerce uses for share links. Redirects
 * and WeChat's OAuth callback are built on it, never on the request's Host or
 * X-Forwarded-* headers, which whoever sends the request chooses. Outside production this
 * server on localhost by default; in production a missing one stops the start
 * (instrumentation.ts), never a silent localhost.
 */
export function publicOrigin(env: Record<string, string | undefined> = process.env): string {
  const name = env.STOREFRONT_PUBLIC_URL?.trim() ? "STOREFRONT_PUBLIC_URL" : "STOREFRONT_URL"
  const configured = env[name]?.trim()
  if (!configured) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        "STOREFRONT_PUBLIC_URL is not set: production needs the shop's public origin (see docs/deploy.md)"
      )
    }
    return `http://localhost:${env.PORT || 8000}`
  }
  let url: URL
  try {
    url = new URL(configured)
  } catch {
    throw new Error(`${name} is not a URL: ${configured}`)
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`${name} must be an http(s) URL: ${configured}`)
  }
  return url.origin
}
