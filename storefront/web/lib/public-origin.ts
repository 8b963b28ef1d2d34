/**
 * The shop's origin as shoppers' browsers see it (`STOREFRONT_URL`, the same setting
 * commerce uses for share links; this server on localhost by default). Redirects and
 * WeChat's OAuth callback are built on it, never on the request's Host or
 * X-Forwarded-* headers, which whoever sends the request chooses.
 */
export function publicOrigin(env: Record<string, string | undefined> = process.env): string {
  const configured = env.STOREFRONT_URL?.trim()
  if (!configured) return `http://localhost:${env.PORT || 8000}`
  let url: URL
  try {
    url = new URL(configured)
  } catch {
    throw new Error(`STOREFRONT_URL is not a URL: ${configured}`)
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`STOREFRONT_URL must be an http(s) URL: ${configured}`)
  }
  return url.origin
}
