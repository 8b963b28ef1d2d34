"use server"

import { revalidatePath } from "next/cache"
import { member, orders } from "./backends"
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

export type ChangeOrderAddressState = { error?: string; done?: boolean } | undefined

/** The member sends the kit to another address, until it ships. */
export async function changeOrderAddress(
  orderId: string,
  _state: ChangeOrderAddressState,
  form: FormData
): Promise<ChangeOrderAddressState> {
  const token = await readToken()
  if (!token) return { error: "登录已过期，请重新登录" }
  const field = (name: string) => String(form.get(name) ?? "").trim()
  try {
    await orders.changeShippingAddress(token, orderId, {
      name: field("name"),
      phone: field("phone"),
      province: field("province"),
      city: field("city"),
      district: field("district"),
      street: field("street"),
    })
  } catch (error) {
    return memberActionError(error, "change-order-address")
  }
  revalidatePath(`/account/orders/${orderId}`)
  return { done: true }
}
