"use server"

import { ApiError } from "@health/core"
import { revalidatePath } from "next/cache"
import { commerce } from "./backends"
import { readCartId, writeCartId } from "./cart-cookie"
import { readToken } from "./session"

export type CartActionResult = { ok: true; count: number } | { ok: false; error: string }

const count = (items: { quantity: number }[]) => items.reduce((sum, item) => sum + item.quantity, 0)

function failure(error: unknown): CartActionResult {
  console.error("[cart]", error)
  if (error instanceof ApiError && error.status < 500) {
    return { ok: false, error: `操作失败：${error.message}` }
  }
  return { ok: false, error: "网络繁忙，请稍后重试" }
}

/** Adds a variant to the visitor's cart, creating the cart on first use. */
export async function addToCart(variantId: string, quantity = 1): Promise<CartActionResult> {
  try {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) {
      return { ok: false, error: "数量须为 1 到 99" }
    }
    // A member's cart answers only with their token (commerce says 404 otherwise).
    const token = await readToken()
    let cartId = await readCartId()
    if (!cartId || !(await commerce.getCart(cartId, token))) {
      const region = await commerce.getRegion()
      cartId = (await commerce.createCart(region.id, token)).id
      await writeCartId(cartId)
    }
    const cart = await commerce.addLineItem(cartId, variantId, quantity, token)
    revalidatePath("/", "layout")
    return { ok: true, count: count(cart.items) }
  } catch (error) {
    return failure(error)
  }
}

export async function setLineQuantity(lineId: string, quantity: number): Promise<CartActionResult> {
  try {
    const cartId = await readCartId()
    if (!cartId) return { ok: false, error: "购物车已失效，请刷新页面" }
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) {
      return { ok: false, error: "数量须为 1 到 99" }
    }
    const cart = await commerce.updateLineItem(cartId, lineId, quantity, await readToken())
    revalidatePath("/", "layout")
    return { ok: true, count: count(cart.items) }
  } catch (error) {
    return failure(error)
  }
}

export async function removeLine(lineId: string): Promise<CartActionResult> {
  try {
    const cartId = await readCartId()
    if (!cartId) return { ok: false, error: "购物车已失效，请刷新页面" }
    const token = await readToken()
    await commerce.deleteLineItem(cartId, lineId, token)
    const cart = await commerce.getCart(cartId, token)
    revalidatePath("/", "layout")
    return { ok: true, count: count(cart?.items ?? []) }
  } catch (error) {
    return failure(error)
  }
}
