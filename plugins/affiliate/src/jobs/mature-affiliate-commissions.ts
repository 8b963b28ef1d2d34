import type { MedusaContainer } from "@medusajs/framework/types"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { matureOrderCommissionsWorkflow } from "../workflows/mature-commissions"
import { syncOrderPaymentWorkflow } from "../workflows/record-order-payment"

/**
 * The safety net behind the events and the delayed BullMQ jobs: records payments whose
 * capture event was missed, then matures whatever is due.
 */
export default async function matureAffiliateCommissions(container: MedusaContainer) {
  const affiliate = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  for (const orderId of await affiliate.ordersAwaitingPayment()) {
    await syncOrderPaymentWorkflow(container).run({ input: { order_id: orderId } })
  }
  for (const orderId of await affiliate.ordersDueForMaturation(new Date())) {
    await matureOrderCommissionsWorkflow(container).run({ input: { order_id: orderId } })
  }
}

export const config = {
  name: "mature-affiliate-commissions",
  schedule: "17 * * * *",
}
