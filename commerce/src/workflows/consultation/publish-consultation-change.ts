import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { consultationChanges } from "../../lib/consultation-live/consultation-change-channel"

/**
 * Pokes open streams of the consultation (any instance). A lost poke only delays a stream
 * until its heartbeat re-read, so it never fails the change itself.
 */
export async function announceConsultationChange(
  container: Pick<MedusaContainer, "resolve">,
  consultationId: string
): Promise<void> {
  try {
    await consultationChanges().publish(consultationId)
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`consultation push for ${consultationId} failed: ${(e as Error).message}`)
  }
}

export const publishConsultationChangeStep = createStep(
  "publish-consultation-change",
  async (consultationId: string, { container }) => {
    await announceConsultationChange(container, consultationId)
    return new StepResponse(undefined)
  }
)
