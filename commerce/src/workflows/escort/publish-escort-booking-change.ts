import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { bookingChanges } from "../../lib/escort-live/booking-change-channel"

/**
 * Tells open timeline streams (on any commerce instance) that the booking has a new event.
 * Call it after the event is committed. A lost poke only delays a stream until its next
 * heartbeat re-read, so a Redis hiccup never fails the booking change itself.
 */
export async function announceEscortBookingChange(
  container: Pick<MedusaContainer, "resolve">,
  bookingId: string
): Promise<void> {
  try {
    await bookingChanges().publish(bookingId)
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`escort timeline push for ${bookingId} failed: ${(e as Error).message}`)
  }
}

/** The same as the last step of a workflow that wrote a timeline event. */
export const publishEscortBookingChangeStep = createStep(
  "publish-escort-booking-change",
  async (bookingId: string, { container }) => {
    await announceEscortBookingChange(container, bookingId)
    return new StepResponse(undefined)
  }
)
