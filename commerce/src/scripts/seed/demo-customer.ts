import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"

/** The demo member the README signs in with (development and tests only). */
export const DEMO_CUSTOMER = {
  email: process.env.DEMO_CUSTOMER_EMAIL || "demo@health.local",
  password: process.env.DEMO_CUSTOMER_PASSWORD || "Demo12345",
}

export async function ensureDemoCustomer(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  const [existing] = await customers.listCustomers({
    email: DEMO_CUSTOMER.email,
    has_account: true,
  })
  if (existing) {
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
  } as never)
  if (!authIdentity) {
    throw new Error(`Could not register the demo customer: ${error}`)
  }
  await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      customerData: {
        email: DEMO_CUSTOMER.email,
        first_name: "演示",
        last_name: "用户",
        phone: "13800000000",
      },
    },
  })
}
