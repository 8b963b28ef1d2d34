import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_DISPATCH_MODULE } from "../../../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../../../modules/escort-dispatch/service"
import type { CityDispatchSetting } from "../../../../modules/escort-dispatch/types"
import { putDispatchSettingWorkflow } from "../../../../workflows/escort-dispatch/put-dispatch-setting"

/** GET /admin/escort-dispatch/settings: each configured city's mode; others are grab (抢单). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const dispatch = req.scope.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  res.json({ settings: await dispatch.citySettings(), default_mode: "grab" })
}

/** POST /admin/escort-dispatch/settings `{ city, mode, accept_minutes? }`: set one city. */
export async function POST(
  req: AuthenticatedMedusaRequest<CityDispatchSetting>,
  res: MedusaResponse
) {
  const { result } = await putDispatchSettingWorkflow(req.scope).run({ input: req.validatedBody })
  res.locals.audit = { action: "escort_dispatch.setting", details: { ...result } }
  res.json({ setting: result })
}
