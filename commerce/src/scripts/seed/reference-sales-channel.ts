import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createSalesChannelsWorkflow } from "@medusajs/medusa/core-flows"

export const SALES_CHANNEL_NAME = "官网及小程序"
const SALES_CHANNEL_DESCRIPTION = "PC 官网、H5 与微信小程序"

/** The one sales channel the web and the mini-program sell through. */
export async function ensureSalesChannel(container: MedusaContainer) {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (existing) {
    return existing
  }
  // Medusa creates a default channel (and key) on first boot: adopt it rather than add a
  // second channel, which would make the publishable key ambiguous for carts.
  const [medusaDefault] = await salesChannels.listSalesChannels({ name: "Default Sales Channel" })
  if (medusaDefault) {
    return salesChannels.updateSalesChannels(medusaDefault.id, {
      name: SALES_CHANNEL_NAME,
      description: SALES_CHANNEL_DESCRIPTION,
    })
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: SALES_CHANNEL_DESCRIPTION }],
    },
  })
  return result[0]
}
