import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../modules/escort"
import type EscortModuleService from "../../../modules/escort/service"

/** GET /admin/escort-hospitals: the synced hospital catalogue and when it was last synced. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  res.json({
    hospitals: await escorts.hospitalsIn(null),
    synced_at: await escorts.hospitalsSyncedAt(),
  })
}
