import type { PromotionRefusal } from "@health/contracts"
import { query } from "../http"
import {
  PROMOTION_MESSAGES,
  promotionRefusalMessage,
  readPromotionError,
} from "../promotions/promotion-refusals"
import { CART_FIELDS } from "./cart-fields"
import { commerceRequester, type CommerceClientOptions } from "./request"
import type { Cart } from "./types"

export type PromotionCodeOutcome =
  | { applied: true; cart: Cart }
  | { applied: false; message: string; refusal?: PromotionRefusal }

type Verdict = { code: string; applied: boolean; refusal: PromotionRefusal | null }

const noStore = { cacheHint: "no-store" as const }

/**
 * Coupon codes on a cart through Medusa's own promotions routes; when Medusa leaves a code
 * off (it answers 200 without it), commerce says why, so both storefronts show the same
 * Chinese reason.
 */
export function createPromotionClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const fields = query({ fields: CART_FIELDS })

  const explain = async (cartId: string, code: string, token?: string) => {
    const verdict = await request<Verdict>(
      `/store/carts/${cartId}/promotion-refusal${query({ code })}`,
      { ...noStore, token }
    )
    return verdict.refusal ?? { reason: "not_applicable" as const }
  }

  return {
    async applyCode(cartId: string, typed: string, token?: string): Promise<PromotionCodeOutcome> {
      const code = typed.trim()
      if (!code) return { applied: false, message: PROMOTION_MESSAGES.empty }
      let cart: Cart
      try {
        ;({ cart } = await request<{ cart: Cart }>(`/store/carts/${cartId}/promotions${fields}`, {
          method: "POST",
          body: JSON.stringify({ promo_codes: [code] }),
          token,
          ...noStore,
        }))
      } catch (error) {
        const read = readPromotionError(error)
        if ("message" in read) return { applied: false, message: read.message }
        return { applied: false, refusal: read, message: promotionRefusalMessage(read) }
      }
      if ((cart.promotions ?? []).some((promotion) => promotion.code === code)) {
        return { applied: true, cart }
      }
      const refusal = await explain(cartId, code, token).catch(() => null)
      return refusal
        ? { applied: false, refusal, message: promotionRefusalMessage(refusal) }
        : { applied: false, message: PROMOTION_MESSAGES.notApplicable }
    },

    async removeCode(cartId: string, code: string, token?: string): Promise<Cart> {
      const { cart } = await request<{ cart: Cart }>(`/store/carts/${cartId}/promotions${fields}`, {
        method: "DELETE",
        body: JSON.stringify({ promo_codes: [code] }),
        token,
        ...noStore,
      })
      return cart
    },
  }
}

export type PromotionClient = ReturnType<typeof createPromotionClient>
