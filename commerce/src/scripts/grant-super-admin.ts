import type { ExecArgs } from "@medusajs/framework/types"
import { SUPER_ADMIN } from "../modules/access/permissions"
import { grantStaffRoleWorkflow } from "../workflows/access/grant-staff-role"

/**
 * Makes an existing admin user a super admin, for a fresh installation whose first
 * user was created with `medusa user`:
 *   npx medusa exec ./src/scripts/grant-super-admin.ts owner@example.com
 */
export default async function grantSuperAdmin({ container, args }: ExecArgs) {
  const [email] = args
  if (!email) throw new Error("用法：medusa exec ./src/scripts/grant-super-admin.ts <邮箱>")
  await grantStaffRoleWorkflow(container).run({ input: { email, role_code: SUPER_ADMIN } })
  console.log(`${email} 已是超级管理员`)
}
