"use server"

import { revalidatePath } from "next/cache"
import { promotions } from "./backends"
import { readCartId } from "./cart-cookie"
import { readToken } from "./session"

export type PromotionActionResult = { ok: true } | { ok: false; error: string }

const CART_GONE = "购物车已失效，请刷新页面"
const BUSY = "网络繁忙，请稍后重试"

/** Applies a coupon code to the shopper's cart; a refusal comes back with its reason in Chinese. */
export async function applyPromotionCode(code: string): Promise<PromotionActionResult> {
  const cartId = await readCartId()
  if (!cartId) return { ok: false, error: CART_GONE }
  try {
    const outcome = await promotions.applyCode(cartId, code, await readToken())
    if (!outcome.applied) return { ok: false, error: outcome.message }
    revalidatePath("/", "layout")
    return { ok: true }
  } catch (error) {
    console.error("[promotions]", error)
    return { ok: false, error: BUSY }
  }
}

export async function removePromotionCode(code: string): Promise<PromotionActionResult> {
  const cartId = await readCartId()
  if (!cartId) return { ok: false, error: CART_GONE }
  try {
    await promotions.removeCode(cartId, code, await readToken())
    revalidatePath("/", "layout")
    return { ok: true }
  } catch (error) {
    console.error("[promotions]", error)
    return { ok: false, error: BUSY }
  }
}
