import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { groupSessionChanges } from "../../lib/group-session-live/group-session-change-channel"

/**
 * Pokes the open streams of a session's room (any instance). A lost poke only delays a
 * stream until its heartbeat re-read, so it never fails the change itself.
 */
export const publishGroupSessionChangeStep = createStep(
  "publish-group-session-change",
  async (sessionId: string, { container }) => {
    try {
      await groupSessionChanges().publish(sessionId)
    } catch (e) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`group session push for ${sessionId} failed: ${(e as Error).message}`)
    }
    return new StepResponse(undefined)
  }
)
