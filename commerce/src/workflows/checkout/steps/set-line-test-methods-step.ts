import { COLLECTION_APPOINTMENT_KEY, LINE_COLLECTION_KEY, TEST_METHOD_KEY } from "@health/contracts"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CheckoutPlan } from "../checkout-input"
import { restoredMetadata } from "./restored-metadata"

type Before = {
  cart_id: string
  cart_metadata: Record<string, unknown> | null
  lines: { id: string; metadata: Record<string, unknown> | null }[]
}

/**
 * Each gene-test line keeps its method (and, on site, its site and slot) in its metadata,
 * which Medusa copies onto the order line. The slot itself is booked when the order is
 * placed (bookOrderCollectionAppointment, once however often it runs), so nothing is held
 * here that a retry could hold twice. The cart-level slot key of the older clients is
 * cleared. Compensation puts every line's and the cart's metadata back as it was.
 */
export const setLineTestMethodsStep = createStep(
  "checkout-set-line-test-methods",
  async (plan: CheckoutPlan, { container }) => {
    const carts = container.resolve(Modules.CART)
    const cart = await carts.retrieveCart(plan.cart_id, {
      select: ["id", "metadata"],
      relations: ["items"],
    })
    const before: Before = {
      cart_id: cart.id,
      cart_metadata: (cart.metadata as Record<string, unknown> | null) ?? null,
      lines: (cart.items ?? [])
        .filter((item) => plan.lines.some((line) => line.id === item.id))
        .map((item) => ({
          id: item.id,
          metadata: (item.metadata as Record<string, unknown> | null) ?? null,
        })),
    }
    for (const line of plan.lines) {
      const old = before.lines.find((l) => l.id === line.id)?.metadata ?? {}
      await carts.updateLineItems(line.id, { metadata: { ...old, ...line.metadata } })
    }
    if (before.cart_metadata?.[COLLECTION_APPOINTMENT_KEY]) {
      const { [COLLECTION_APPOINTMENT_KEY]: _wide, ...rest } = before.cart_metadata
      await carts.updateCarts(cart.id, { metadata: rest })
    }
    return new StepResponse(null, before)
  },
  async (before: Before | undefined, { container }) => {
    if (!before) return
    const carts = container.resolve(Modules.CART)
    for (const line of before.lines) {
      await carts.updateLineItems(line.id, {
        metadata: restoredMetadata(line.metadata, [TEST_METHOD_KEY, LINE_COLLECTION_KEY]),
      })
    }
    await carts.updateCarts(before.cart_id, {
      metadata: restoredMetadata(before.cart_metadata, [COLLECTION_APPOINTMENT_KEY]),
    })
  }
)
