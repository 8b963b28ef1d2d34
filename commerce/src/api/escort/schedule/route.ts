import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_DISPATCH_MODULE } from "../../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../../modules/escort-dispatch/service"
import type { ScheduleRule } from "../../../modules/escort-dispatch/rules/schedule"
import { putEscortScheduleWorkflow } from "../../../workflows/escort-dispatch/put-escort-schedule"
import { escortRequest } from "../../escort-request"

/** GET /escort/schedule: the signed-in escort's schedule (null: available any time). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const dispatch = req.scope.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  res.json({ schedule: await dispatch.scheduleOf(escort.id) })
}

/** PUT /escort/schedule `{ weekdays, start_time, end_time, days_off }`: set their own. */
export async function PUT(req: AuthenticatedMedusaRequest<ScheduleRule>, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const { result } = await putEscortScheduleWorkflow(req.scope).run({
    input: { escort_id: escort.id, schedule: req.validatedBody },
  })
  res.json({ schedule: result })
}
