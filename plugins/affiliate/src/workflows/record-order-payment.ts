import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { syncOrderPaymentStep } from "./steps/sync-order-payment"

const orderOfPaymentStep = createStep(
  "affiliate-order-of-payment",
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection.order.id"],
      filters: { id: input.payment_id },
    })
    const payment = data[0] as { payment_collection?: { order?: { id: string } | null } | null }
    return new StepResponse(payment?.payment_collection?.order?.id ?? null)
  }
)

/**
 * A payment was captured (staff confirmed an offline payment, or WeChat's late callback):
 * once the order is fully paid, its commissions start their hold. Replays change nothing.
 */
export const recordOrderPaymentWorkflow = createWorkflow(
  "affiliate-record-order-payment",
  (input: { payment_id: string }) => {
    const orderId = orderOfPaymentStep(input)
    return new WorkflowResponse(
      syncOrderPaymentStep(transform({ orderId }, ({ orderId }) => ({ order_id: orderId })))
    )
  }
)

/**
 * Brings the order's payment into the affiliate module: used when the order completes
 * (a paid, completed order matures at once; an unpaid one does not) and by the sweep.
 */
export const syncOrderPaymentWorkflow = createWorkflow(
  "affiliate-sync-order-payment",
  (input: { order_id: string }) => new WorkflowResponse(syncOrderPaymentStep(input))
)
