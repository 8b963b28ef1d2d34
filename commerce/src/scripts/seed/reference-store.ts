import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"

/** The store's name, currency and default sales channel. */
export async function ensureStoreSettings(container: MedusaContainer, salesChannelId: string) {
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "健康服务平台",
        supported_currencies: [{ currency_code: "cny", is_default: true }],
        default_sales_channel_id: salesChannelId,
      },
    },
  })
}
