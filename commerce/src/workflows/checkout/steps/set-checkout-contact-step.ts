import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { transferCartCustomerWorkflow, updateCartWorkflow } from "@medusajs/medusa/core-flows"
import type { CheckoutPlan } from "../checkout-input"

type Before = {
  cart_id: string
  email: string | null
  shipping_address_id: string | null
  billing_address_id: string | null
}

/**
 * The cart becomes the signed-in member's (a cart filled before signing in is claimed), then
 * gets the contact e-mail and the address (billing too). Compensation puts the e-mail and the
 * address rows it had back; the claim stays, the cart was the caller's to claim.
 */
export const setCheckoutContactStep = createStep(
  "checkout-set-contact",
  async (plan: CheckoutPlan, { container }) => {
    const carts = container.resolve(Modules.CART)
    const cart = await carts.retrieveCart(plan.cart_id, {
      select: ["id", "email", "customer_id", "shipping_address_id", "billing_address_id"],
    })
    if (plan.customer_id && cart.customer_id !== plan.customer_id) {
      await transferCartCustomerWorkflow(container).run({
        input: { id: plan.cart_id, customer_id: plan.customer_id },
      })
    }
    await updateCartWorkflow(container).run({
      input: {
        id: plan.cart_id,
        email: plan.email,
        shipping_address: plan.address,
        billing_address: plan.address,
      },
    })
    const before: Before = {
      cart_id: cart.id,
      email: cart.email ?? null,
      shipping_address_id:
        (cart as { shipping_address_id?: string | null }).shipping_address_id ?? null,
      billing_address_id:
        (cart as { billing_address_id?: string | null }).billing_address_id ?? null,
    }
    return new StepResponse(null, before)
  },
  async (before: Before | undefined, { container }) => {
    if (!before) return
    await container.resolve(Modules.CART).updateCarts(before.cart_id, {
      email: before.email,
      shipping_address_id: before.shipping_address_id,
      billing_address_id: before.billing_address_id,
    } as never)
  }
)
