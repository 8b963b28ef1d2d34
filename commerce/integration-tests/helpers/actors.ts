import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { SUPER_ADMIN } from "../../src/modules/access/permissions"
import { grantStaffRoleWorkflow } from "../../src/workflows/access/grant-staff-role"

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any; status: number }>
}

/**
 * Creates a staff user through the auth module, gives them `roles` (role codes; none
 * means a user nobody has given a role yet), and returns a bearer header for /admin.
 */
export async function adminHeaders(
  container: MedusaContainer,
  api: Api,
  email = "ops@health.local",
  roles: string[] = [SUPER_ADMIN]
) {
  const password = "Admin12345"
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password } } as never)
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity!.id, userData: { email } },
  })
  for (const role_code of roles) {
    await grantStaffRoleWorkflow(container).run({ input: { email, role_code } })
  }
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** Registers a shopper through the public store API, as the storefront does. */
export async function registerCustomer(api: Api, publishableKey: string, email: string) {
  const password = "Secret12345"
  const base = { "x-publishable-api-key": publishableKey }
  const registered = await api.post("/auth/customer/emailpass/register", { email, password })
  await api.post(
    "/store/customers",
    { email, first_name: "小", last_name: "王" },
    { headers: { ...base, authorization: `Bearer ${registered.data.token}` } }
  )
  const { data } = await api.post("/auth/customer/emailpass", { email, password })
  return { headers: { ...base, authorization: `Bearer ${data.token}` } }
}

/** A publishable key for /store requests, as the seed would create. */
export async function createPublishableKey(container: MedusaContainer): Promise<string> {
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "test", type: "publishable", created_by: "test" }] },
  })
  return key.token
}
