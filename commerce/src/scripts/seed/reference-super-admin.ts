import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { SUPER_ADMIN } from "../../modules/access/permissions"
import { grantStaffRoleWorkflow } from "../../workflows/access/grant-staff-role"
import { wantsDemoData } from "./seed-mode"

/** The development sign-in the README prints; production never accepts it. */
export const DEVELOPMENT_ADMIN = { email: "admin@health.local", password: "Admin12345" }

/**
 * The first super admin's account: MEDUSA_ADMIN_EMAIL / MEDUSA_ADMIN_PASSWORD. In
 * production both must be set (and not the README's password) until the account exists;
 * a demo installation (SEED_DEMO=1) falls back to the README's sign-in.
 */
export function superAdminAccount(env: NodeJS.ProcessEnv = process.env) {
  const email = env.MEDUSA_ADMIN_EMAIL?.trim()
  const password = env.MEDUSA_ADMIN_PASSWORD?.trim()
  if (env.NODE_ENV !== "production" || wantsDemoData(env)) {
    return {
      email: email || DEVELOPMENT_ADMIN.email,
      password: password || DEVELOPMENT_ADMIN.password,
    }
  }
  const missing = [!email && "MEDUSA_ADMIN_EMAIL", !password && "MEDUSA_ADMIN_PASSWORD"]
  if (missing.some(Boolean)) {
    throw new Error(
      `The first super admin needs ${missing.filter(Boolean).join(" and ")} (see docs/deploy.md)`
    )
  }
  if (password === DEVELOPMENT_ADMIN.password) {
    throw new Error("MEDUSA_ADMIN_PASSWORD is the published development password: choose another")
  }
  return { email: email!, password: password! }
}

/** Creates the first super admin once and keeps the super-admin role on that account. */
export async function ensureSuperAdmin(container: MedusaContainer) {
  const users = container.resolve(Modules.USER)
  const configuredEmail = process.env.MEDUSA_ADMIN_EMAIL?.trim()
  const [existing] = await users.listUsers({
    email: configuredEmail || DEVELOPMENT_ADMIN.email,
  })
  if (existing) {
    await grantSuperAdmin(container, existing.email)
    return
  }
  // A production shop that already has staff and no MEDUSA_ADMIN_* set: nothing to create.
  if (process.env.NODE_ENV === "production" && !configuredEmail) {
    const [anyone] = await users.listUsers({}, { take: 1 })
    if (anyone) return
  }
  const account = superAdminAccount()
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: account.email, password: account.password },
  } as never)
  if (!authIdentity) {
    throw new Error(`Could not register the super admin: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      userData: { email: account.email, first_name: "平台", last_name: "管理员" },
    },
  })
  await grantSuperAdmin(container, account.email)
}

async function grantSuperAdmin(container: MedusaContainer, email: string) {
  await grantStaffRoleWorkflow(container).run({ input: { email, role_code: SUPER_ADMIN } })
}
