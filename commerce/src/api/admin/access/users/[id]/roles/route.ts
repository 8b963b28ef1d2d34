import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignStaffRolesWorkflow } from "../../../../../../workflows/access/assign-staff-roles"
import type { AuditNote } from "../../../../enforce-staff-access"
import type { AssignRolesBodyType } from "../../../validators"

/** Replaces the user's roles with `role_ids`. */
export async function POST(
  req: AuthenticatedMedusaRequest<AssignRolesBodyType>,
  res: MedusaResponse
) {
  const { result } = await assignStaffRolesWorkflow(req.scope).run({
    input: {
      user_id: req.params.id,
      role_ids: req.validatedBody.role_ids,
      assigned_by: req.auth_context.actor_id,
    },
  })
  res.locals.audit = {
    action: "access.roles.assign",
    details: { user_id: req.params.id, roles: result.map((role) => role.code) },
  } satisfies AuditNote
  res.json({ user_id: req.params.id, roles: result })
}
