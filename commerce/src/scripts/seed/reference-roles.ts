import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCESS_MODULE } from "../../modules/access"
import type AccessModuleService from "../../modules/access/service"

/** The built-in staff roles (超级管理员, 客服, 检测实验室 …) as the code defines them. */
export async function ensureStaffRoles(container: MedusaContainer) {
  await container.resolve<AccessModuleService>(ACCESS_MODULE).ensureSystemRoles()
}
