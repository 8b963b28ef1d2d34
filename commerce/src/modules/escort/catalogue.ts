import type { EscortExtra } from "./rules/escort-price"

/** `metadata.kind` of the Medusa products that are escort services (the 陪诊服务 product type). */
export const ESCORT_SERVICE_KIND = "escort_service"
export const ESCORT_PRODUCT_TYPE = "陪诊服务"
/** The sales channel escort services are sold through, apart from the shop's gene tests. */
export const ESCORT_SALES_CHANNEL = "陪诊服务"
/** Line item metadata naming the booking an order pays for. */
export const ESCORT_BOOKING_LINE_KEY = "escort_booking_id"

/** What an escort service product carries in `metadata.escort` (read by the price rule). */
export type EscortServiceMetadata = {
  duration_hours: number
  extra_hour_fen: number
  extras: EscortExtra[]
}

/** Reads `metadata.escort` of a product, or null when it is not a well-formed escort service. */
export function escortServiceMetadata(
  metadata: Record<string, unknown> | null | undefined
): EscortServiceMetadata | null {
  if (metadata?.kind !== ESCORT_SERVICE_KIND) return null
  const escort = metadata.escort as Partial<EscortServiceMetadata> | undefined
  if (
    !escort ||
    !Number.isSafeInteger(escort.duration_hours) ||
    !Number.isSafeInteger(escort.extra_hour_fen) ||
    !Array.isArray(escort.extras)
  ) {
    return null
  }
  return escort as EscortServiceMetadata
}
