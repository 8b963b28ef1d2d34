/**
 * Runs once when the server starts, in the process that accepts the connections: stamps each
 * request with its TCP peer (see lib/socket-peer.ts) so the shopper's address is known, and
 * rewrites the script policy of pages served from cache (see lib/static-page-policy.ts),
 * reads TRUSTED_PROXIES and the public origin now: a bad or missing value fails the start,
 * with its message, rather than a sign-in or a redirect later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return
  // Log lines pass through commerce's masking (lib/masked-console.ts) from the first one on.
  const { installMaskedConsole } = await import("./lib/masked-console")
  installMaskedConsole()
  const { configuredTrustedProxies } = await import("./lib/shopper-address")
  const { installSocketPeerHeader } = await import("./lib/socket-peer")
  const { installStaticPagePolicy } = await import("./lib/static-page-policy")
  const { publicOrigin } = await import("./lib/public-origin")
  configuredTrustedProxies()
  // Production without the shop's public origin stops here, naming the variable.
  publicOrigin()
  installSocketPeerHeader()
  // Pages served from cache get a policy that names their own inline scripts.
  installStaticPagePolicy()
}
