import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The member as the phone-binding routes answer them, with the number now bound. */
export async function boundMember(scope: MedusaContainer, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "phone", "first_name", "last_name", "metadata", "created_at"],
    filters: { id: customerId },
  })
  return customer
}
