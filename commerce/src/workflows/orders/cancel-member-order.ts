import { acquireLockStep, cancelOrderWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { loadOrderCancellation } from "./load-order-cancellation"
import { memberOrderLockKey } from "./member-order-lock"

export type CancelMemberOrderInput = { order_id: string; customer_id: string }

const ensureMemberMayCancelStep = createStep(
  "ensure-member-may-cancel-order",
  async (input: CancelMemberOrderInput, { container }) => {
    const { refusal } = await loadOrderCancellation(container, input.order_id, input.customer_id)
    if (refusal) throw new MedusaError(MedusaError.Types.CONFLICT, refusal)
    return new StepResponse(true)
  }
)

/**
 * A member cancels their own order before anything has left the shop. Medusa's cancel
 * refunds captured payments (WeChat Pay refunds to the payer) and cancels the rest; the
 * order.canceled subscribers void the kits and the collection appointment, reverse the
 * commissions and give back the store credit. The lock (shared with the member's edits) makes a double click cancel once, and an
 * edit never lands on an order being cancelled.
 */
export const cancelMemberOrderWorkflow = createWorkflow(
  "cancel-member-order",
  (input: CancelMemberOrderInput) => {
    const key = transform({ input }, ({ input }) => memberOrderLockKey(input.order_id))
    acquireLockStep({ key, timeout: 10, ttl: 120 })
    ensureMemberMayCancelStep(input)
    cancelOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        canceled_by: input.customer_id,
      })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.order_id })))
  }
)
