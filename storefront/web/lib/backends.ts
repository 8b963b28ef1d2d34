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

export const commerce = createCommerceClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
})

export const member = createMemberClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
})

export const checkout = createCheckoutClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
})

export const healthArchive = createHealthArchiveClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
})

export const appointments = createAppointmentsClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
})

export const inbox = createInboxClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
})

export const siteSearch = createSearchClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: nextFetch,
})

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
