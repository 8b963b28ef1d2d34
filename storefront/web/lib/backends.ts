import {
  createAppointmentsClient,
  createCheckoutClient,
  createCmsClient,
  createCommerceClient,
  createConstitutionClient,
  createHealthArchiveClient,
  createInboxClient,
  createMemberClient,
  createSearchClient,
  memoryLastGood,
} from "@health/core"
import { commerceFetch } from "./commerce-fetch"
import { env } from "./env"
import { nextFetch } from "./next-fetch"

/**
 * Every commerce client talks to the same Medusa with the same key and cache-aware fetch,
 * which forwards the shopper's address on per-shopper calls.
 */
const commerceOptions = {
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: commerceFetch,
}

export const commerce = createCommerceClient(commerceOptions)

export const member = createMemberClient(commerceOptions)

export const checkout = createCheckoutClient(commerceOptions)

export const healthArchive = createHealthArchiveClient(commerceOptions)

export const appointments = createAppointmentsClient(commerceOptions)

export const inbox = createInboxClient(commerceOptions)

export const siteSearch = createSearchClient(commerceOptions)

export const constitution = createConstitutionClient(commerceOptions)

/**
 * While the CMS is down, each CMS read answers with the last good content this server
 * read (Next's data cache usually has it too); without any, it throws and the page shows
 * its zh-CN notice instead of the block.
 */
export const cms = createCmsClient({
  baseUrl: env.cmsUrl,
  mediaBaseUrl: env.cmsPublicUrl,
  token: env.cmsToken,
  fetch: nextFetch,
  lastGood: memoryLastGood(),
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
