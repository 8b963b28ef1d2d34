import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"

type Input = { alert_id: string; staff_id: string; note: string }

const resolveDispatchAlertStep = createStep(
  "resolve-dispatch-alert",
  async (input: Input, { container }) => {
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const alert = await dispatch.resolveAlert(input.alert_id, input.staff_id, input.note)
    return new StepResponse(alert, alert.id)
  },
  async (alertId, { container }) => {
    if (alertId) {
      await container
        .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
        .updateDispatchAlerts({
          id: alertId,
          resolved_at: null,
          resolved_by: null,
          resolution_note: null,
        })
    }
  }
)

/** Staff close an anomaly alert with what they did about it; a second close is 409. */
export const resolveDispatchAlertWorkflow = createWorkflow(
  "resolve-dispatch-alert",
  (input: Input) => new WorkflowResponse(resolveDispatchAlertStep(input))
)
