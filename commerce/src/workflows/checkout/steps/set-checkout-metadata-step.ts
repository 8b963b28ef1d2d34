import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CheckoutPlan } from "../checkout-input"
import { restoredMetadata } from "./restored-metadata"

/** Cart metadata keys of the server-run checkout. */
export const CHECKOUT_FINGERPRINT_KEY = "checkout_fingerprint"
export const REFERRAL_CODE_KEY = "referral_code"
/** The client build (the mini-program's H5 build); the order keeps it for finance's channel. */
export const CHECKOUT_CLIENT_KEY = "checkout_client"

type Before = { cart_id: string; metadata: Record<string, unknown> | null }

/**
 * The share code the shopper arrived with goes with the cart (the affiliate plugin binds it
 * at the member's first order, once), and the request's fingerprint, so a retried identical
 * request is answered from what this one made, and the client build when the channel does
 * not tell it (the order copies the cart's metadata). Compensation puts the metadata back.
 */
export const setCheckoutMetadataStep = createStep(
  "checkout-set-metadata",
  async (plan: CheckoutPlan, { container }) => {
    const carts = container.resolve(Modules.CART)
    const cart = await carts.retrieveCart(plan.cart_id, { select: ["id", "metadata"] })
    const metadata = { ...((cart.metadata as Record<string, unknown> | null) ?? {}) }
    if (plan.referral_code) metadata[REFERRAL_CODE_KEY] = plan.referral_code
    // Medusa merges metadata: an earlier client is cleared with "" (read as unset).
    if (plan.client) metadata[CHECKOUT_CLIENT_KEY] = plan.client
    else if (metadata[CHECKOUT_CLIENT_KEY]) metadata[CHECKOUT_CLIENT_KEY] = ""
    metadata[CHECKOUT_FINGERPRINT_KEY] = plan.fingerprint
    await carts.updateCarts(plan.cart_id, { metadata })
    return new StepResponse(null, {
      cart_id: plan.cart_id,
      metadata: (cart.metadata as Record<string, unknown> | null) ?? null,
    } satisfies Before)
  },
  async (before: Before | undefined, { container }) => {
    if (!before) return
    await container.resolve(Modules.CART).updateCarts(before.cart_id, {
      metadata: restoredMetadata(before.metadata, [
        CHECKOUT_FINGERPRINT_KEY,
        REFERRAL_CODE_KEY,
        CHECKOUT_CLIENT_KEY,
      ]),
    })
  }
)
