import { PAYMENT_PROVIDER_IDS, type PaymentAction } from "@health/contracts"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  deletePaymentSessionsWorkflow,
  refreshPaymentCollectionForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import type { CheckoutPlan } from "../checkout-input"
import { CHECKOUT_MESSAGES as M } from "../checkout-messages"
import { paymentActionOf } from "../payment-action-of"

export type OpenedPayment = {
  action: PaymentAction
  /** What is left to pay online, in fen, after store credit. */
  amount_fen: number
  session_id: string | null
  /** Whether the workflow places the order now (nothing to pay online, or offline payment). */
  place_order: boolean
}

const SHOPPER_FIXABLE = new Set<string>([
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.NOT_FOUND,
  MedusaError.Types.CONFLICT,
])

const toFen = (amount: unknown) => Math.round(Number(amount) * 100)

/** A provider that failed in its own way (unreachable, a 5xx): the shopper may retry (422). */
const providerFailure = () =>
  new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, M.paymentFailed)

/**
 * Opens the payment for the chosen provider: the cart's payment collection (made, or its
 * amount refreshed after the changes above), then one session; Medusa drops the earlier
 * session of the collection. Nothing to pay (store credit covers all): no session, the
 * order is placed. Compensation deletes the session this step made.
 */
export const openCheckoutPaymentStep = createStep(
  "checkout-open-payment",
  async (plan: CheckoutPlan, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const read = async () => {
      const { data } = await query.graph({
        entity: "cart",
        fields: ["id", "total", "payment_collection.id"],
        filters: { id: plan.cart_id },
      })
      return data[0] as { total: unknown; payment_collection?: { id: string } | null }
    }
    const cart = await read()
    if (toFen(cart.total) <= 0) {
      return new StepResponse<OpenedPayment, string | null>(
        { action: { kind: "none" }, amount_fen: 0, session_id: null, place_order: true },
        null
      )
    }
    if (cart.payment_collection) {
      await refreshPaymentCollectionForCartWorkflow(container).run({
        input: { cart_id: plan.cart_id },
      })
    } else {
      await createPaymentCollectionForCartWorkflow(container).run({
        input: { cart_id: plan.cart_id },
      })
    }
    const collection = (await read()).payment_collection
    if (!collection) throw providerFailure()
    const { result: session } = await createPaymentSessionsWorkflow(container)
      .run({
        input: {
          payment_collection_id: collection.id,
          provider_id: plan.provider_id,
          customer_id: plan.customer_id ?? undefined,
          data: plan.session_data,
        },
      })
      .catch((error: unknown) => {
        // The provider's own refusal of bad input is the shopper's to read; anything else
        // (unreachable, a 5xx) is a failure to retry, not the shopper's mistake.
        if (MedusaError.isMedusaError(error) && SHOPPER_FIXABLE.has(error.type)) throw error
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(
            `checkout ${plan.cart_id}: ${plan.provider_id} failed: ${(error as Error)?.message}`
          )
        throw providerFailure()
      })
    const action = paymentActionOf(session as never)
    if (!action) throw providerFailure()
    return new StepResponse<OpenedPayment, string | null>(
      {
        action,
        amount_fen: toFen(session.amount),
        session_id: session.id,
        place_order: plan.provider_id === PAYMENT_PROVIDER_IDS.offline,
      },
      session.id
    )
  },
  async (sessionId: string | null | undefined, { container }) => {
    if (!sessionId) return
    await deletePaymentSessionsWorkflow(container).run({ input: { ids: [sessionId] } })
  }
)
