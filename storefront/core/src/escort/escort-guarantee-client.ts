import { commerceRequester, type CommerceClientOptions } from "../commerce/request"

/**
 * GET /store/escort-bookings/:id/guarantee: what protects a member's 陪诊 booking — its
 * liability policy, and for their complaint the case's status and what the platform paid
 * them first (先行赔付). Amounts in fen.
 */
export type EscortBookingGuarantee = {
  insured: boolean
  policy: { policy_no: string; coverage_fen: number } | null
  complaint?: {
    status: "open" | "investigating" | "upheld" | "dismissed" | "closed"
    status_label: string
    compensation_paid_fen: number
  }
}

/** The member's own booking only (another's is a 404 ApiError). */
export async function getEscortBookingGuarantee(
  client: CommerceClientOptions,
  token: string,
  bookingId: string
): Promise<EscortBookingGuarantee> {
  return (
    await commerceRequester(client)<{ guarantee: EscortBookingGuarantee }>(
      `/store/escort-bookings/${encodeURIComponent(bookingId)}/guarantee`,
      { token, cacheHint: "no-store" }
    )
  ).guarantee
}
