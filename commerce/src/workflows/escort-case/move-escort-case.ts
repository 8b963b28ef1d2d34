import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_CASE_MODULE } from "../../modules/escort-case"
import type EscortCaseModuleService from "../../modules/escort-case/service"
import type { EscortCaseRow } from "../../modules/escort-case/types"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { resolveEscortDisputeWorkflow } from "../escort-income/resolve-escort-dispute"

/**
 * The case moves that pay no one: assign an owner (open → investigating), add a note,
 * dismiss (不成立: a complaint's frozen escort income is released), close (结案). Each is
 * one conditional UPDATE in the module.
 */
export type MoveEscortCaseInput =
  | { action: "assign"; case_id: string; owner_id: string; staff_id: string }
  | { action: "note"; case_id: string; body: string; staff_id: string }
  | { action: "dismiss"; case_id: string; note: string; staff_id: string }
  | { action: "close"; case_id: string; note: string | null; staff_id: string }

/**
 * A complaint found unfounded: its dispute is resolved the way 陪诊结算 would (`release`), so
 * the escort's frozen income is paid out and the member's timeline says so. A dispute that
 * was already resolved there is left as it is.
 */
async function releaseDismissedComplaint(
  container: MedusaContainer,
  dismissed: EscortCaseRow,
  input: { note: string; staff_id: string }
) {
  if (dismissed.source !== "dispute") return
  const dispute = await container
    .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    .dispute(dismissed.source_id)
  if (dispute.status !== "open") return
  await resolveEscortDisputeWorkflow(container).run({
    input: {
      dispute_id: dispute.id,
      outcome: "release",
      note: `事件核实不成立：${input.note}`,
      staff_id: input.staff_id,
    },
  })
}

const moveEscortCaseStep = createStep(
  "move-escort-case",
  async (input: MoveEscortCaseInput, { container }) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    switch (input.action) {
      case "assign":
        await cases.assignCase({
          case_id: input.case_id,
          owner_id: input.owner_id,
          actor_id: input.staff_id,
        })
        break
      case "note":
        await cases.noteCase({ case_id: input.case_id, body: input.body, actor_id: input.staff_id })
        break
      case "dismiss": {
        const decided = await cases.decideCase({
          case_id: input.case_id,
          outcome: "dismissed",
          compensation_fen: null,
          note: input.note,
          actor_id: input.staff_id,
        })
        await releaseDismissedComplaint(container, decided.case, input).catch(async (error) => {
          await cases.undoDecision({
            case_id: input.case_id,
            previous: decided.previous,
            reason: "释放陪诊员收入未完成，认定已撤回",
          })
          throw error
        })
        break
      }
      case "close":
        await cases.closeCase({
          case_id: input.case_id,
          note: input.note,
          actor_id: input.staff_id,
        })
        break
    }
    return new StepResponse(await cases.case(input.case_id))
  }
)

export const moveEscortCaseWorkflow = createWorkflow(
  "move-escort-case",
  (input: MoveEscortCaseInput) => new WorkflowResponse(moveEscortCaseStep(input))
)
