import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"

type Input = { code: string; name: string; description?: string | null; permissions: string[] }

const createStaffRoleStep = createStep(
  "create-staff-role",
  async (input: Input, { container }) => {
    const access = container.resolve<AccessModuleService>(ACCESS_MODULE)
    const permissions = access.validatePermissions(input.permissions)
    if (await access.roleByCode(input.code)) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `角色代码 ${input.code} 已存在`)
    }
    const role = await access.createStaffRoles({ ...input, permissions, is_system: false })
    return new StepResponse(role, role.id)
  },
  async (roleId, { container }) => {
    if (roleId) await container.resolve<AccessModuleService>(ACCESS_MODULE).deleteStaffRoles(roleId)
  }
)

/** A custom role built from the permission sets (never `*`: only one super admin role). */
export const createStaffRoleWorkflow = createWorkflow("create-staff-role", (input: Input) => {
  return new WorkflowResponse(createStaffRoleStep(input))
})
