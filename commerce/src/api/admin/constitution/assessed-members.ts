import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type AssessedMember = {
  id: string
  name: string
  email: string | null
  phone: string | null
}

type CustomerFields = {
  id: string
  first_name?: string | null
  last_name?: string | null
  email?: string | null
  phone?: string | null
}

/**
 * The members behind a page of results, as experts see them (name, email, phone), by
 * result id: read through the assessment → customer link. A member who has since deleted
 * their account reads as 已注销会员.
 */
export async function assessedMembers(
  container: MedusaContainer,
  assessments: { id: string; customer_id: string }[]
): Promise<Map<string, AssessedMember>> {
  if (!assessments.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "constitution_assessment",
    fields: [
      "id",
      "customer.id",
      "customer.first_name",
      "customer.last_name",
      "customer.email",
      "customer.phone",
    ],
    filters: { id: assessments.map((a) => a.id) },
  })
  const customerOf = new Map(
    (data as { id: string; customer?: CustomerFields | null }[]).map((row) => [
      row.id,
      row.customer ?? null,
    ])
  )
  return new Map(
    assessments.map((a) => {
      const c = customerOf.get(a.id)
      return [
        a.id,
        c
          ? {
              id: c.id,
              name: `${c.last_name ?? ""}${c.first_name ?? ""}`.trim() || "未填写姓名",
              email: c.email ?? null,
              phone: c.phone ?? null,
            }
          : unknownMember(a.customer_id),
      ]
    })
  )
}

export const unknownMember = (id: string): AssessedMember => ({
  id,
  name: "已注销会员",
  email: null,
  phone: null,
})
