import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type StaffCustomerView = {
  id: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  email: string | null
}

/** The customers behind affiliates, by id, for staff views (names unmasked: staff only). */
export async function customersOf(
  container: MedusaContainer,
  customerIds: string[]
): Promise<Map<string, StaffCustomerView>> {
  if (!customerIds.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "phone", "email"],
    filters: { id: [...new Set(customerIds)] },
  })
  return new Map((data as StaffCustomerView[]).map((customer) => [customer.id, customer]))
}
