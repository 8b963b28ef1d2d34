import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"

/** Stock for every inventory item not yet stocked at the warehouse (the demo products'). */
export async function ensureInventory(container: MedusaContainer, locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "location_levels.location_id"],
  })
  const missing = items.filter(
    (item) =>
      !(item.location_levels ?? []).some(
        (level: { location_id?: string } | null) => level?.location_id === locationId
      )
  )
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: missing.map((item) => ({
          location_id: locationId,
          inventory_item_id: item.id,
          stocked_quantity: 10000,
        })),
      },
    })
  }
}
