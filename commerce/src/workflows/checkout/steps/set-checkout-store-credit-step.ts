import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  setCartStoreCreditWorkflow,
  storeCreditOfCart,
} from "@health/medusa-plugin-affiliate/workflows"
import type { CheckoutPlan } from "../checkout-input"

type Before = { cart_id: string; customer_id: string; fen: number }

const toFen = (amount: unknown) => Math.round(Number(amount) * 100)

/**
 * How much of the member's balance pays for the cart, trimmed to what the cart costs (the
 * affiliate plugin's workflow checks the balance and writes the credit line; the balance is
 * spent only when the cart completes). Guests have none. Compensation sets the earlier
 * amount back, so a failed checkout leaves the credit as it found it.
 */
export const setCheckoutStoreCreditStep = createStep(
  "checkout-set-store-credit",
  async (plan: CheckoutPlan, { container }) => {
    if (!plan.customer_id) return new StepResponse<number, Before | null>(0, null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "total", "credit_lines.*"],
      filters: { id: plan.cart_id },
    })
    const cart = data[0] as Parameters<typeof storeCreditOfCart>[0]
    const current = storeCreditOfCart(cart)
    const payable = toFen(cart.total) + current
    const fen = Math.min(plan.store_credit_fen, Math.max(payable, 0))
    const before: Before = { cart_id: plan.cart_id, customer_id: plan.customer_id, fen: current }
    if (fen === current) return new StepResponse<number, Before | null>(fen, null)
    await setCartStoreCreditWorkflow(container).run({
      input: { cart_id: plan.cart_id, customer_id: plan.customer_id, amount: fen },
    })
    return new StepResponse<number, Before | null>(fen, before)
  },
  async (before: Before | null | undefined, { container }) => {
    if (!before) return
    await setCartStoreCreditWorkflow(container).run({
      input: { cart_id: before.cart_id, customer_id: before.customer_id, amount: before.fen },
    })
  }
)
