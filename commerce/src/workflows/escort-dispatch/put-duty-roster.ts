import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import type { DutyShiftRow } from "../../modules/escort-dispatch/types"

export type PutDutyRosterInput = { shifts: Omit<DutyShiftRow, "id">[] }

const putDutyRosterStep = createStep(
  "put-escort-duty-roster",
  async (input: PutDutyRosterInput, { container }) => {
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const before = await dispatch.dutyRoster()
    return new StepResponse(await dispatch.replaceDutyRoster(input.shifts), before)
  },
  async (before, { container }) => {
    if (!before) return
    await container
      .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
      .replaceDutyRoster(before.map(({ id: _id, ...shift }) => shift))
  }
)

/**
 * Operations set the on-duty roster (PUT /admin/escort-dispatch/roster): who receives the
 * anomaly SMS on which Beijing weekdays and hours. An empty roster leaves the alerts to
 * ESCORT_ONDUTY_PHONES.
 */
export const putDutyRosterWorkflow = createWorkflow(
  "put-escort-duty-roster",
  (input: PutDutyRosterInput) => new WorkflowResponse(putDutyRosterStep(input))
)
