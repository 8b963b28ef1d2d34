import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { matureOrderCommissionsWorkflow } from "../workflows/mature-commissions"

/** The safety net behind the delayed BullMQ jobs: matures whatever is due. */
export default async function matureAffiliateCommissions(container: MedusaContainer) {
  const affiliate = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  for (const orderId of await affiliate.ordersDueForMaturation(new Date())) {
    await matureOrderCommissionsWorkflow(container).run({ input: { order_id: orderId } })
  }
}

export const config = {
  name: "mature-affiliate-commissions",
  schedule: "17 * * * *",
}
