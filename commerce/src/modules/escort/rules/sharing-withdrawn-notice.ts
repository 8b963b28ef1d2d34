import type { EscortBookingStatus } from "./escort-booking-status"

/** Before the service is done, withdrawing the sharing consent stops the booking. */
const BEFORE_SERVICE_DONE: EscortBookingStatus[] = [
  "pending_payment",
  "awaiting_escort",
  "accepted",
  "departed",
  "arrived",
  "accompanying",
]

export type SharingWithdrawnNotice = {
  /** True when the service can no longer go ahead (the member may cancel with a refund). */
  blocks_service: boolean
  message: string
}

/**
 * What the member is told once their consent to give the person's details to the escort is
 * withdrawn: before the service ends the escort cannot serve without them, so the booking
 * cannot proceed and may be cancelled through the usual cancel path (refund by the
 * cancellation rule); afterwards it only stops further sharing.
 */
export function sharingWithdrawnNotice(status: EscortBookingStatus): SharingWithdrawnNotice {
  if (BEFORE_SERVICE_DONE.includes(status)) {
    return {
      blocks_service: true,
      message:
        "您已撤回向陪诊员提供就诊人信息的同意，陪诊员将看不到就诊人信息，本次陪诊无法继续。您可以取消预约，费用按取消规则退回。",
    }
  }
  return {
    blocks_service: false,
    message: "您已撤回向陪诊员提供就诊人信息的同意，今后不再向陪诊员提供就诊人信息。",
  }
}
