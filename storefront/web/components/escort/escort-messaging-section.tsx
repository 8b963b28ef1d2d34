import type { EscortBookingStatus } from "@health/contracts"
import { EscortConversation } from "./escort-conversation"
import { EscortServiceReportView } from "./escort-service-report"

/**
 * A booking's conversation with its escort and the escort's service report, once it is paid
 * (each shows its own empty state until there is something; both read live data). The
 * status is the live one, so the report appears once the escort writes it.
 */
export function EscortMessagingSection({
  bookingId,
  status,
}: {
  bookingId: string
  status: EscortBookingStatus | string
}) {
  if (status === "pending_payment") return null
  return (
    <>
      <EscortConversation bookingId={bookingId} />
      <EscortServiceReportView bookingId={bookingId} status={status} />
    </>
  )
}
