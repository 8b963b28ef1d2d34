import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCESS_MODULE } from "../../../../modules/access"
import type AccessModuleService from "../../../../modules/access/service"

/** The signed-in staff member's roles and permissions, so the admin can hide what they can't use. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const roles = await req.scope
    .resolve<AccessModuleService>(ACCESS_MODULE)
    .rolesOf(req.auth_context.actor_id)
  res.json({
    roles: roles.map(({ id, code, name }) => ({ id, code, name })),
    permissions: [...new Set(roles.flatMap((role) => role.permissions))],
  })
}
