import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { APPOINTMENT_MODULE } from "../modules/appointment"
import type AppointmentModuleService from "../modules/appointment/service"
import type { Actor } from "../modules/appointment/types"

/** The appointment module and who is asking: a member acts on their own, staff on any. */
export function appointmentRequest(req: AuthenticatedMedusaRequest) {
  const isStaff = req.auth_context.actor_type === "user"
  const actorId = req.auth_context.actor_id
  return {
    appointments: req.scope.resolve<AppointmentModuleService>(APPOINTMENT_MODULE),
    actorId,
    actor: { actor_type: isStaff ? "staff" : "customer", actor_id: actorId } as Actor,
    /** Scopes lookups to the member's own records; staff are not scoped. */
    ownerId: isStaff ? undefined : actorId,
  }
}
