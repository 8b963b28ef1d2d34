import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { GROUP_SESSION_MODULE } from "../../modules/group-session"
import type GroupSessionModuleService from "../../modules/group-session/service"
import { publishGroupSessionChangeStep } from "./publish-group-session-change"

type Input = { session_id: string; question_id: string; answer: string }

const answerStep = createStep(
  "answer-group-session-question",
  async (input: Input, { container }) => {
    const sessions = container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)
    const row = await sessions.answerQuestion(input.session_id, input.question_id, input.answer)
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE).undoAnswer(id)
    }
  }
)

/** The session's expert answers a public question; every member's stream shows it. */
export const answerGroupSessionQuestionWorkflow = createWorkflow(
  "answer-group-session-question",
  (input: Input) => {
    const question = answerStep(input)
    publishGroupSessionChangeStep(transform({ input }, ({ input }) => input.session_id))
    return new WorkflowResponse(question)
  }
)
