import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type AssessedMember = {
  id: string
  name: string
  email: string | null
  phone: string | null
}

/** The members behind a page of results, as experts see them (name, email, phone). */
export async function assessedMembers(
  container: MedusaContainer,
  customerIds: string[]
): Promise<Map<string, AssessedMember>> {
  if (!customerIds.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "email", "phone"],
    filters: { id: [...new Set(customerIds)] },
  })
  return new Map(
    data.map((c) => [
      c.id,
      {
        id: c.id,
        name: `${c.last_name ?? ""}${c.first_name ?? ""}`.trim() || "未填写姓名",
        email: c.email ?? null,
        phone: c.phone ?? null,
      },
    ])
  )
}

export const unknownMember = (id: string): AssessedMember => ({
  id,
  name: "已注销会员",
  email: null,
  phone: null,
})
