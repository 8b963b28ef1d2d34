import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import type { ScheduleRule } from "../../modules/escort-dispatch/rules/schedule"

type Input = { escort_id: string; schedule: ScheduleRule }

const putEscortScheduleStep = createStep(
  "put-escort-schedule",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const [escort] = await escorts.listEscorts({ id: input.escort_id }, { take: 1 })
    if (!escort) throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该陪诊员")
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const before = await dispatch.scheduleOf(input.escort_id)
    const saved = await dispatch.putSchedule(input.escort_id, input.schedule)
    return new StepResponse(saved, { escort_id: input.escort_id, before })
  },
  async (undo, { container }) => {
    if (undo?.before) {
      await container
        .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
        .putSchedule(undo.escort_id, undo.before)
    }
  }
)

/**
 * An escort (or staff for them) sets working days, hours and days off. Tasks already taken
 * stay taken; the schedule governs accepting and being offered or assigned from now on.
 */
export const putEscortScheduleWorkflow = createWorkflow(
  "put-escort-schedule",
  (input: Input) => new WorkflowResponse(putEscortScheduleStep(input))
)
