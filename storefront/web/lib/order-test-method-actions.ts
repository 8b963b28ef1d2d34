"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
import { orderTestMethods } from "./backends"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

const EXPIRED = { error: "登录已过期，请重新登录" }
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

function done(orderId: string): never {
  revalidatePath(`/account/orders/${orderId}`, "layout")
  revalidatePath("/account/appointments", "layout")
  redirect(`/account/orders/${encodeURIComponent(orderId)}?test_method=changed`)
}

/** 改约 / 改为现场采集: the slot picker's site and "date slot" for one kit line. */
export async function changeTestMethodOnSite(
  orderId: string,
  lineItemId: string,
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const siteId = text(form, "site_id")
  const [date, slot] = text(form, "choice").split(" ")
  if (!siteId) return { error: "请先选择采集点" }
  if (!date || !slot) return { error: "请选择一个有余位的时段" }
  try {
    await orderTestMethods.change(token, orderId, {
      line_item_id: lineItemId,
      method: "on_site",
      collection: { site_id: siteId, date, slot },
    })
  } catch (error) {
    return memberActionError(error, "order test method on site")
  }
  done(orderId)
}

/** 改为寄送采样盒: the kit goes to the order's shipping address. */
export async function changeTestMethodMailed(
  orderId: string,
  lineItemId: string,
  _state: AccountActionState,
  _form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await orderTestMethods.change(token, orderId, { line_item_id: lineItemId, method: "mail_in" })
  } catch (error) {
    return memberActionError(error, "order test method mailed")
  }
  done(orderId)
}
