import { ON_SITE_COLLECTION_CODE } from "@health/contracts"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  addShippingMethodToCartWorkflow,
  listShippingOptionsForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import type { CheckoutPlan } from "../checkout-input"
import { CHECKOUT_MESSAGES as M } from "../checkout-messages"

type Before = { cart_id: string; option_ids: string[]; added: boolean }

/**
 * The shipping option follows from the methods: a kit goes by post when some line is
 * mail-in (or nothing is a gene test), otherwise 采集点现场采集. Medusa replaces the cart's
 * method of the same profile. Compensation puts the earlier option back, or removes ours.
 */
export const setCheckoutShippingStep = createStep(
  "checkout-set-shipping",
  async (plan: CheckoutPlan, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "shipping_methods.id", "shipping_methods.shipping_option_id"],
      filters: { id: plan.cart_id },
    })
    const methods = (data[0]?.shipping_methods ?? []) as { shipping_option_id?: string | null }[]
    const { result: options } = await listShippingOptionsForCartWorkflow(container).run({
      input: { cart_id: plan.cart_id, is_return: false },
    })
    const option = (options as { id: string; type?: { code?: string | null } | null }[]).find(
      (o) => (o.type?.code === ON_SITE_COLLECTION_CODE) !== plan.mailed
    )
    if (!option) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, M.noShipping(plan.mailed))
    const before: Before = {
      cart_id: plan.cart_id,
      option_ids: methods.map((m) => m?.shipping_option_id).filter(Boolean) as string[],
      added: false,
    }
    if (before.option_ids.length === 1 && before.option_ids[0] === option.id) {
      return new StepResponse(option.id, before)
    }
    await addShippingMethodToCartWorkflow(container).run({
      input: { cart_id: plan.cart_id, options: [{ id: option.id }] },
    })
    return new StepResponse(option.id, { ...before, added: true })
  },
  async (before: Before | undefined, { container }) => {
    if (!before?.added) return
    if (before.option_ids.length) {
      await addShippingMethodToCartWorkflow(container).run({
        input: { cart_id: before.cart_id, options: before.option_ids.map((id) => ({ id })) },
      })
      return
    }
    const carts = container.resolve(Modules.CART)
    const methods = await carts.listShippingMethods({ cart_id: before.cart_id })
    await carts.deleteShippingMethods(methods.map((m) => m.id))
  }
)
