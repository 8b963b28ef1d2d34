import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { GROUP_SESSION_MODULE } from "../../modules/group-session"
import type GroupSessionModuleService from "../../modules/group-session/service"
import type { QuestionDecision } from "../../modules/group-session/types"
import { publishGroupSessionChangeStep } from "./publish-group-session-change"

type Input = { session_id: string; question_id: string; decision: QuestionDecision }

const decideStep = createStep(
  "decide-group-session-question",
  async (input: Input, { container }) => {
    const sessions = container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)
    const row = await sessions.decideQuestion(input.session_id, input.question_id, input.decision)
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE).undoDecision(id)
    }
  }
)

/**
 * A moderator (the session's expert, or 内容审核 staff) approves a waiting question for the
 * room, where every member's stream shows it, or rejects it (the room never sees it).
 */
export const decideGroupSessionQuestionWorkflow = createWorkflow(
  "decide-group-session-question",
  (input: Input) => {
    const question = decideStep(input)
    publishGroupSessionChangeStep(transform({ input }, ({ input }) => input.session_id))
    return new WorkflowResponse(question)
  }
)
