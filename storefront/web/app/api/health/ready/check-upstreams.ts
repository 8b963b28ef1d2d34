export type UpstreamState = "ok" | "down"

/** An upstream that does not answer within this is down: a probe must stay cheap. */
const CHECK_TIMEOUT_MS = 2_000

/** True when `url` answers 2xx within the timeout; any other outcome is "down". */
async function answers(url: string): Promise<UpstreamState> {
  try {
    const response = await fetch(url, {
      cache: "no-store",
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    })
    await response.body?.cancel()
    return response.ok ? "ok" : "down"
  } catch {
    return "down"
  }
}

/**
 * What the shop cannot serve pages without: commerce (its liveness, so a commerce instance
 * that is itself waiting on Postgres is the proxy's concern, not ours) and the CMS.
 */
export async function checkUpstreams(upstreams: { commerceUrl: string; cmsUrl: string }) {
  const [commerce, cms] = await Promise.all([
    answers(new URL("/health/live", upstreams.commerceUrl).toString()),
    answers(new URL("/_health", upstreams.cmsUrl).toString()),
  ])
  const checks = { commerce, cms }
  return { ready: commerce === "ok" && cms === "ok", checks }
}
