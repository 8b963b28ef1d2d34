import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { GROUP_SESSION_MODULE } from "../../modules/group-session"
import type GroupSessionModuleService from "../../modules/group-session/service"
import { MODERATION_MODULE } from "../../modules/moderation"
import { MODERATION_CATEGORY_LABELS } from "../../modules/moderation/rules/moderation-categories"
import type ModerationModuleService from "../../modules/moderation/service"
import { publishGroupSessionChangeStep } from "./publish-group-session-change"

type Input = { session_id: string; customer_id: string; text: string }

/**
 * The room is public: a question the sensitive-word filter flags (医疗广告, contact details,
 * …) is refused at once, naming the kind of content but not the word, so it can be rewritten.
 */
const screenQuestionStep = createStep(
  "screen-group-session-question",
  async (input: Input, { container }) => {
    const moderation = container.resolve<ModerationModuleService>(MODERATION_MODULE)
    const { matches } = await moderation.screen(input.text)
    if (matches.length) {
      const kinds = [...new Set(matches.map((m) => MODERATION_CATEGORY_LABELS[m.category]))]
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `问题含有不适合公开的内容（${kinds.join("、")}），请修改后再提交`
      )
    }
    return new StepResponse(undefined)
  }
)

const recordQuestionStep = createStep(
  "record-group-session-question",
  async (input: Input, { container }) => {
    const sessions = container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)
    const row = await sessions.askQuestion(input, new Date())
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE).removeQuestion(id)
    }
  }
)

/**
 * A joined member asks in the room (POST /store/group-sessions/:id/questions): screened by
 * the moderation filter, then waiting for a moderator; moderators' streams hear of it.
 */
export const askGroupSessionQuestionWorkflow = createWorkflow(
  "ask-group-session-question",
  (input: Input) => {
    screenQuestionStep(input)
    const question = recordQuestionStep(input)
    publishGroupSessionChangeStep(transform({ input }, ({ input }) => input.session_id))
    return new WorkflowResponse(question)
  }
)
