import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Finance confirms an offline (岳阳) order's money, as POST /admin/payments/:id/capture
 * does: the lab may ship its kits only afterwards.
 */
export async function confirmOfflinePayment(container: MedusaContainer, orderId: string) {
  const {
    data: [order],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["payment_collections.payments.id", "payment_collections.payments.captured_at"],
    filters: { id: orderId },
  })
  type Payment = { id: string; captured_at: string | null }
  const payments = ((order?.payment_collections ?? []) as { payments: Payment[] }[]).flatMap(
    (collection) => collection.payments
  )
  for (const payment of payments.filter((p) => !p.captured_at)) {
    await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
  }
}
