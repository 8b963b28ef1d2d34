import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ACCESS_MODULE } from "../../../../modules/access"
import type AccessModuleService from "../../../../modules/access/service"

/** Staff users and their roles, for the 权限管理 page. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = req.scope.resolve<AccessModuleService>(ACCESS_MODULE)
  const users = await req.scope.resolve(Modules.USER).listUsers({}, { order: { email: "ASC" } })
  const [assignments, roles] = await Promise.all([
    access.listStaffRoleAssignments({}),
    access.listStaffRoles({}),
  ])
  res.json({
    users: users.map((user) => ({
      id: user.id,
      email: user.email,
      name: `${user.last_name ?? ""}${user.first_name ?? ""}` || null,
      roles: assignments
        .filter((a) => a.user_id === user.id)
        .map((a) => roles.find((role) => role.id === a.role_id))
        .filter(Boolean)
        .map((role) => ({ id: role!.id, code: role!.code, name: role!.name })),
    })),
  })
}
