/**
 * The push services of the browsers we support. The server POSTs to whatever endpoint a
 * browser handed in, so only these hosts (and their subdomains) are accepted: anything else
 * would let a member make the server call an address of their choosing.
 */
export const PUSH_SERVICE_HOSTS = [
  // Chrome, and Chromium browsers that keep Google's push service
  "fcm.googleapis.com",
  "android.googleapis.com",
  // Firefox
  "push.services.mozilla.com",
  // Edge
  "notify.windows.com",
  // Safari 16+ on macOS, iOS/iPadOS 16.4+ home-screen apps
  "push.apple.com",
]

const originsFrom = (list: string | undefined) =>
  (list ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter(Boolean)

/**
 * Whether `endpoint` is a push service this server may send to: https on a known push host,
 * or an origin listed in WEB_PUSH_EXTRA_ENDPOINT_ORIGINS (comma-separated; a stand-in in
 * tests, another vendor's push service once checked).
 */
export function isAllowedPushEndpoint(
  endpoint: string,
  env: NodeJS.ProcessEnv = process.env
): boolean {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  if (originsFrom(env.WEB_PUSH_EXTRA_ENDPOINT_ORIGINS).includes(url.origin)) return true
  if (url.protocol !== "https:" || url.port !== "") return false
  const host = url.hostname.toLowerCase()
  return PUSH_SERVICE_HOSTS.some((known) => host === known || host.endsWith(`.${known}`))
}
