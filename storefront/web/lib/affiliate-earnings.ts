import { createAffiliateEarningsClient } from "@health/core"
import { env } from "./env"
import { commerceFetch } from "./commerce-fetch"

/** The 分销中心 chart's monthly sums, from commerce (summed there over every ledger entry). */
export const affiliateEarnings = createAffiliateEarningsClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: commerceFetch,
})
