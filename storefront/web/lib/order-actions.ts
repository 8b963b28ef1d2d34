"use server"

import { revalidatePath } from "next/cache"
import { member } from "./backends"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

export type CancelOrderState = { error?: string; done?: boolean } | undefined

/** The member cancels their own order; the shop refunds a paid one in full. */
export async function cancelOrder(
  orderId: string,
  _state: CancelOrderState,
  _form: FormData
): Promise<CancelOrderState> {
  const token = await readToken()
  if (!token) return { error: "登录已过期，请重新登录" }
  try {
    await member.cancelOrder(token, orderId)
  } catch (error) {
    return memberActionError(error, "cancel-order")
  }
  revalidatePath(`/account/orders/${orderId}`)
  revalidatePath("/account/orders")
  return { done: true }
}
