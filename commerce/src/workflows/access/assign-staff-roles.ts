import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SUPER_ADMIN } from "../../modules/access/permissions"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"

type Input = { user_id: string; role_ids: string[]; assigned_by: string }

const assignStaffRolesStep = createStep(
  "assign-staff-roles",
  async (input: Input, { container }) => {
    const access = container.resolve<AccessModuleService>(ACCESS_MODULE)
    const superAdmin = await access.roleByCode(SUPER_ADMIN)
    if (superAdmin && !input.role_ids.includes(superAdmin.id)) {
      const holders = await access.listStaffRoleAssignments({ role_id: superAdmin.id })
      if (holders.length === 1 && holders[0].user_id === input.user_id) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "至少需要保留一位超级管理员，请先为其他人分配超级管理员角色"
        )
      }
    }
    const before = (await access.rolesOf(input.user_id)).map((role) => role.id)
    const roles = await access.setRolesOf(input.user_id, input.role_ids, input.assigned_by)
    return new StepResponse(roles, { user_id: input.user_id, before, by: input.assigned_by })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container
      .resolve<AccessModuleService>(ACCESS_MODULE)
      .setRolesOf(previous.user_id, previous.before, previous.by)
  }
)

/** Replaces a staff user's roles; the last super admin cannot lose the role. */
export const assignStaffRolesWorkflow = createWorkflow("assign-staff-roles", (input: Input) => {
  return new WorkflowResponse(assignStaffRolesStep(input))
})
