import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PriceListStatus } from "@medusajs/framework/utils"
import { createCustomerGroupsWorkflow, createPriceListsWorkflow } from "@medusajs/medusa/core-flows"
import { GROUP_MEMBER_CUSTOMER_GROUP } from "../../lib/membership/membership-terms"

const GROUP_PRICE_LIST_TITLE = "团体会员价"
/** The demo 团体会员 price: 9折 on one product, so the customer group's effect shows. */
const GROUP_PRICE = { handle: "drug-metabolism-gene-test", percent: 90 }

/** A demo price list for the 团体会员 customer group. */
export async function ensureGroupMemberPricing(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  let [group] = await customers.listCustomerGroups({ name: GROUP_MEMBER_CUSTOMER_GROUP })
  if (!group) {
    const { result } = await createCustomerGroupsWorkflow(container).run({
      input: { customersData: [{ name: GROUP_MEMBER_CUSTOMER_GROUP, created_by: "seed" }] },
    })
    group = result[0]
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({
    entity: "price_list",
    fields: ["id"],
    filters: { title: GROUP_PRICE_LIST_TITLE },
  })
  if (existing.length) return
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["variants.id", "variants.prices.amount", "variants.prices.currency_code"],
    filters: { handle: GROUP_PRICE.handle },
  })
  type VariantPrices = { id: string; prices?: { amount: number; currency_code: string }[] }
  const variants = (products[0]?.variants ?? []) as unknown as VariantPrices[]
  const prices = variants.flatMap((variant) =>
    (variant.prices ?? [])
      .filter((price) => price.currency_code === "cny")
      .map((price) => ({
        variant_id: variant.id,
        currency_code: "cny",
        // Whole yuan, like every catalogue price.
        amount: Math.round((Number(price.amount) * GROUP_PRICE.percent) / 100),
      }))
  )
  await createPriceListsWorkflow(container).run({
    input: {
      price_lists_data: [
        {
          title: GROUP_PRICE_LIST_TITLE,
          description: "团体会员专享价（演示：药物代谢基因检测 9 折）",
          status: PriceListStatus.ACTIVE,
          rules: { "customer.groups.id": [group.id] },
          prices,
        },
      ],
    },
  })
}
