import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { GROUP_SESSION_MODULE } from "../../modules/group-session"
import type GroupSessionModuleService from "../../modules/group-session/service"

type Input = { session_id: string; customer_id: string }

const joinStep = createStep(
  "join-group-session",
  async (input: Input, { container }) => {
    const sessions = container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)
    const joined = await sessions.join(input.session_id, input.customer_id, new Date())
    return new StepResponse(joined, joined.created ? joined.participant.id : null)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE).removeParticipant(id)
    }
  }
)

/** A signed-in member takes a seat in a session (idempotent; a full session is 409). */
export const joinGroupSessionWorkflow = createWorkflow("join-group-session", (input: Input) => {
  return new WorkflowResponse(joinStep(input))
})
