import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../../../../../modules/escort"
import type EscortModuleService from "../../../../../modules/escort/service"
import { ESCORT_DISPATCH_MODULE } from "../../../../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../../../../modules/escort-dispatch/service"
import type { ScheduleRule } from "../../../../../modules/escort-dispatch/rules/schedule"
import { putEscortScheduleWorkflow } from "../../../../../workflows/escort-dispatch/put-escort-schedule"

/** GET /admin/escort-dispatch/schedules/:escort_id: the escort's schedule (null: any time). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const [escort] = await escorts.listEscorts({ id: req.params.escort_id }, { take: 1 })
  if (!escort) throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该陪诊员")
  const dispatch = req.scope.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  res.json({ schedule: await dispatch.scheduleOf(escort.id) })
}

/** PUT /admin/escort-dispatch/schedules/:escort_id: staff set an escort's schedule. */
export async function PUT(req: AuthenticatedMedusaRequest<ScheduleRule>, res: MedusaResponse) {
  const { result } = await putEscortScheduleWorkflow(req.scope).run({
    input: { escort_id: req.params.escort_id, schedule: req.validatedBody },
  })
  res.locals.audit = { action: "escort_dispatch.schedule", details: { ...result } }
  res.json({ schedule: result })
}
