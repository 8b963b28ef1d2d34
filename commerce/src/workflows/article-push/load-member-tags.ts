import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { memberTags } from "../../lib/push/member-tags"
import {
  notificationPreferencesOf,
  type NotificationPreferences,
} from "../../lib/push/notification-preferences"
import { CONSTITUTION_MODULE } from "../../modules/constitution"
import type ConstitutionModuleService from "../../modules/constitution/service"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"

/** A member an article may be pushed to: the phone and channel opt-outs notify-member needs. */
export type PushRecipient = {
  id: string
  phone: string | null
  preferences: NotificationPreferences
}

export type TaggedMember = PushRecipient & { tags: string[] }

/**
 * The tags (see lib/push/member-tags.ts) and channels of a batch of members, in four
 * queries and one latest constitution result per member. Reads only.
 */
export async function loadMemberTags(
  container: MedusaContainer,
  customerIds: string[]
): Promise<TaggedMember[]> {
  if (!customerIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "phone", "metadata"],
    filters: { id: customerIds },
  })
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["customer_id", "status", "items.product_id"],
    filters: { customer_id: customerIds },
  })
  const productsOf = new Map<string, Set<string>>()
  for (const order of orders) {
    if (!order.customer_id || order.status === "canceled") continue
    const products = productsOf.get(order.customer_id) ?? new Set<string>()
    for (const item of order.items ?? []) if (item?.product_id) products.add(item.product_id)
    productsOf.set(order.customer_id, products)
  }
  const productIds = [...new Set([...productsOf.values()].flatMap((ids) => [...ids]))]
  const handlesOf = new Map<string, string[]>()
  if (productIds.length) {
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "categories.handle"],
      filters: { id: productIds },
    })
    for (const product of products) {
      handlesOf.set(
        product.id,
        (product.categories ?? [])
          .map((category: { handle?: string | null } | null) => category?.handle)
          .filter(Boolean) as string[]
      )
    }
  }
  const findingsOf = await archive.findingsOfMembers(customerIds)
  return Promise.all(
    customers.map(async (customer) => {
      const {
        assessments: [latest],
      } = await constitution.listConstitutionAssessmentsOf(customer.id, { take: 1 })
      const metadata = (customer.metadata ?? {}) as Record<string, unknown>
      const products = [...(productsOf.get(customer.id) ?? [])]
      return {
        id: customer.id,
        phone: customer.phone ?? null,
        preferences: notificationPreferencesOf(metadata),
        tags: memberTags({
          birth_date: typeof metadata.birth_date === "string" ? metadata.birth_date : null,
          constitution_verdicts: latest?.verdicts ?? null,
          category_handles: products.flatMap((id) => handlesOf.get(id) ?? []),
          findings: findingsOf.get(customer.id) ?? [],
        }),
      }
    })
  )
}
