import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"

/** Adds the role `code` to the staff user with `email` (keeping their other roles). */
export async function grantRole(container: MedusaContainer, email: string, code: string) {
  const access = container.resolve<AccessModuleService>(ACCESS_MODULE)
  await access.ensureSystemRoles()
  const [user] = await container.resolve(Modules.USER).listUsers({ email })
  if (!user) throw new Error(`没有邮箱为 ${email} 的后台用户`)
  const role = await access.roleByCode(code)
  if (!role) throw new Error(`角色 ${code} 不存在`)
  const current = (await access.rolesOf(user.id)).map((r) => r.id)
  if (!current.includes(role.id)) await access.setRolesOf(user.id, [...current, role.id], "system")
  return user
}
