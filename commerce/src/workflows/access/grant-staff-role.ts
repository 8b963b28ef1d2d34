import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"

type Input = { email: string; role_code: string }

const grantStaffRoleStep = createStep(
  "grant-staff-role",
  async (input: Input, { container }) => {
    const access = container.resolve<AccessModuleService>(ACCESS_MODULE)
    await access.ensureSystemRoles()
    const [user] = await container.resolve(Modules.USER).listUsers({ email: input.email })
    if (!user) throw new Error(`没有邮箱为 ${input.email} 的后台用户`)
    const role = await access.roleByCode(input.role_code)
    if (!role) throw new Error(`角色 ${input.role_code} 不存在`)
    const before = (await access.rolesOf(user.id)).map((r) => r.id)
    // Already held: nothing changed, nothing to undo.
    if (before.includes(role.id)) return new StepResponse({ user_id: user.id }, null)
    await access.setRolesOf(user.id, [...before, role.id], "system")
    return new StepResponse({ user_id: user.id }, { user_id: user.id, before })
  },
  async (previous: { user_id: string; before: string[] } | null, { container }) => {
    if (!previous) return
    await container
      .resolve<AccessModuleService>(ACCESS_MODULE)
      .setRolesOf(previous.user_id, previous.before, "system")
  }
)

/** Adds a role to the staff user with that email, keeping their other roles (seed, scripts). */
export const grantStaffRoleWorkflow = createWorkflow("grant-staff-role", (input: Input) => {
  return new WorkflowResponse(grantStaffRoleStep(input))
})
