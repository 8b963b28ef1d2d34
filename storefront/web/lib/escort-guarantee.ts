import { getEscortBookingGuarantee, type EscortBookingGuarantee } from "@health/core"
import { commerceFetch } from "./commerce-fetch"
import { env } from "./env"
import { publishableKeySource, withPublishableKey } from "./publishable-key"

/**
 * The booking's cover and complaint outcome for its page; null when commerce cannot say
 * (the page then shows nothing about it rather than failing).
 */
export async function readEscortGuarantee(
  token: string,
  bookingId: string
): Promise<EscortBookingGuarantee | null> {
  const options = {
    baseUrl: env.medusaUrl,
    publishableKey: env.publishableKey,
    fetch: withPublishableKey(
      commerceFetch,
      publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
    ),
  }
  return getEscortBookingGuarantee(options, token, bookingId).catch((error: Error) => {
    console.error("[storefront] escort guarantee unavailable:", error.message)
    return null
  })
}
