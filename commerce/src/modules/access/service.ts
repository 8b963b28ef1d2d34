import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { ALL_PERMISSIONS, SYSTEM_ROLES, type Permission } from "./permissions"
import { StaffRole } from "./models/staff-role"
import { StaffRoleAssignment } from "./models/staff-role-assignment"

export type RoleView = {
  id: string
  code: string
  name: string
  description: string | null
  permissions: Permission[]
  is_system: boolean
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Staff roles and who holds them. Enforcement lives in the admin middleware. */
class AccessModuleService extends MedusaService({ StaffRole, StaffRoleAssignment }) {
  /** Creates any missing built-in role and keeps their permissions as the code says. */
  async ensureSystemRoles(): Promise<void> {
    const existing = await this.listStaffRoles({ code: SYSTEM_ROLES.map((r) => r.code) })
    const byCode = new Map(existing.map((role) => [role.code, role]))
    for (const role of SYSTEM_ROLES) {
      const current = byCode.get(role.code)
      if (!current) {
        await this.createStaffRoles({
          ...role,
          permissions: role.permissions,
          is_system: true,
        }).catch(async (error) => {
          // Another process created it first.
          if (!(await this.listStaffRoles({ code: role.code })).length) throw error
        })
      } else if (JSON.stringify(current.permissions) !== JSON.stringify(role.permissions)) {
        await this.updateStaffRoles({ id: current.id, permissions: role.permissions })
      }
    }
  }

  async roleByCode(code: string) {
    const [role] = await this.listStaffRoles({ code })
    return role ?? null
  }

  /** The user's roles; a user with none can do nothing in the admin. */
  async rolesOf(userId: string): Promise<RoleView[]> {
    const assignments = await this.listStaffRoleAssignments({ user_id: userId })
    if (!assignments.length) return []
    const roles = await this.listStaffRoles({ id: assignments.map((a) => a.role_id) })
    return roles as unknown as RoleView[]
  }

  async permissionsOf(userId: string): Promise<Set<string>> {
    const roles = await this.rolesOf(userId)
    return new Set(roles.flatMap((role) => role.permissions as string[]))
  }

  /** Checks a custom role's permissions: known ones only, and never `*`. */
  validatePermissions(permissions: string[]): Permission[] {
    const unknown = permissions.filter((p) => !ALL_PERMISSIONS.includes(p as Permission))
    if (unknown.length) throw invalid(`未知的权限：${unknown.join("、")}`)
    if (!permissions.length) throw invalid("请至少选择一项权限")
    return [...new Set(permissions)] as Permission[]
  }

  /** Replaces a user's roles with `roleIds`. */
  async setRolesOf(userId: string, roleIds: string[], assignedBy: string) {
    const roles = roleIds.length ? await this.listStaffRoles({ id: roleIds }) : []
    const missing = roleIds.filter((id) => !roles.some((role) => role.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `角色不存在：${missing.join("、")}`)
    }
    const current = await this.listStaffRoleAssignments({ user_id: userId })
    const remove = current.filter((a) => !roleIds.includes(a.role_id)).map((a) => a.id)
    const add = roleIds.filter((id) => !current.some((a) => a.role_id === id))
    if (remove.length) await this.deleteStaffRoleAssignments(remove)
    if (add.length) {
      await this.createStaffRoleAssignments(
        add.map((role_id) => ({ user_id: userId, role_id, assigned_by: assignedBy }))
      )
    }
    return this.rolesOf(userId)
  }
}

export default AccessModuleService
