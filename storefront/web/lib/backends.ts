import { createBackends, memoryLastGood } from "@health/core"
import { commerceFetch, perShopperRendersPerRequest } from "./commerce-fetch"
import { env } from "./env"
import { nextFetch } from "./next-fetch"
import { publishableKeySource, withPublishableKey } from "./publishable-key"

/**
 * The typed clients, wired as the mini-program wires them (@health/core's createBackends).
 * Commerce calls go through the cache-aware fetch that forwards the shopper's address on
 * per-shopper calls. While the CMS is down, each CMS read answers with the last good content
 * this server read (Next's data cache usually has it too); without any, it throws and the
 * page shows its zh-CN notice instead of the block.
 */
export const {
  commerce,
  member,
  orders,
  orderTestMethods,
  passwordReset,
  checkout,
  promotions,
  healthArchive,
  archiveAccess,
  appointments,
  inbox,
  webPush,
  officialAccount,
  affiliateEarnings,
  siteSearch,
  constitution,
  escort,
  escortApp,
  consultations,
  doctorApp,
  doctorLicences,
  groupSessions,
  assessments,
  cms,
} = createBackends({
  commerce: {
    baseUrl: env.medusaUrl,
    // Empty unless MEDUSA_PUBLISHABLE_KEY is set: then read from commerce at run time.
    publishableKey: env.publishableKey,
    fetch: perShopperRendersPerRequest(
      withPublishableKey(
        commerceFetch,
        publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
      )
    ),
  },
  cms: {
    baseUrl: env.cmsUrl,
    mediaBaseUrl: env.cmsPublicUrl,
    token: env.cmsToken,
    fetch: nextFetch,
    lastGood: memoryLastGood(),
  },
})

/**
 * CMS blocks are optional on every page: when the CMS is down the shop still sells and
 * the block shows its last good content or is hidden. Errors are logged, not thrown.
 */
export async function optional<T>(load: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await load()
  } catch (error) {
    console.error("[storefront] optional content unavailable:", (error as Error).message)
    return fallback
  }
}
