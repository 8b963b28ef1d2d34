import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALL_PERMISSIONS, AREAS } from "../../../../modules/access/permissions"
import { ACCESS_MODULE } from "../../../../modules/access"
import type AccessModuleService from "../../../../modules/access/service"
import { createStaffRoleWorkflow } from "../../../../workflows/access/create-staff-role"
import type { AuditNote } from "../../enforce-staff-access"
import type { CreateRoleBodyType } from "../validators"

/** Every role with its holders' count, and the permissions a custom role can combine. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = req.scope.resolve<AccessModuleService>(ACCESS_MODULE)
  await access.ensureSystemRoles()
  const [roles, assignments] = await Promise.all([
    access.listStaffRoles({}, { order: { created_at: "ASC" } }),
    access.listStaffRoleAssignments({}),
  ])
  res.json({
    roles: roles.map((role) => ({
      ...role,
      user_count: assignments.filter((a) => a.role_id === role.id).length,
    })),
    areas: AREAS,
    permissions: ALL_PERMISSIONS,
  })
}

export async function POST(
  req: AuthenticatedMedusaRequest<CreateRoleBodyType>,
  res: MedusaResponse
) {
  const { result } = await createStaffRoleWorkflow(req.scope).run({ input: req.validatedBody })
  res.locals.audit = {
    action: "access.roles.create",
    details: { code: result.code, permissions: result.permissions },
  } satisfies AuditNote
  res.status(201).json({ role: result })
}
