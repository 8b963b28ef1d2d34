import {
  createAppointmentsClient,
  createCheckoutClient,
  createCmsClient,
  createCommerceClient,
  createHealthArchiveClient,
  createInboxClient,
  createMemberClient,
  createSearchClient,
} from "@health/core"
import { env } from "./env"
import { nextFetch } from "./next-fetch"

/** Every commerce client talks to the same Medusa with the same key and cache-aware fetch. */
const commerceOptions = {
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
}

export const commerce = createCommerceClient(commerceOptions)

export const member = createMemberClient(commerceOptions)

export const checkout = createCheckoutClient(commerceOptions)

export const healthArchive = createHealthArchiveClient(commerceOptions)

export const appointments = createAppointmentsClient(commerceOptions)

export const inbox = createInboxClient(commerceOptions)

export const siteSearch = createSearchClient(commerceOptions)

export const cms = createCmsClient({
  baseUrl: env.cmsUrl,
  mediaBaseUrl: env.cmsPublicUrl,
  token: env.cmsToken,
  fetch: nextFetch,
})

/**
 * CMS blocks are optional on every page: when the CMS is down the shop still sells and
 * the block is hidden. Errors are logged, not thrown.
 */
export async function optional<T>(load: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await load()
  } catch (error) {
    console.error("[storefront] optional content unavailable:", (error as Error).message)
    return fallback
  }
}
