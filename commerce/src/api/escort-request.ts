import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../modules/escort"
import type EscortModuleService from "../modules/escort/service"

/** The escort module and the signed-in escort, refused when operations have suspended them. */
export async function escortRequest(req: AuthenticatedMedusaRequest) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const [escort] = await escorts.listEscorts({ id: req.auth_context.actor_id }, { take: 1 })
  if (!escort || escort.status !== "active") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "该陪诊员账号已停用，请联系运营")
  }
  return { escorts, escort: { id: escort.id, city: escort.city } }
}

/** The escort module for a member's own bookings. */
export function memberEscortRequest(req: AuthenticatedMedusaRequest) {
  return {
    escorts: req.scope.resolve<EscortModuleService>(ESCORT_MODULE),
    customerId: req.auth_context.actor_id,
  }
}
