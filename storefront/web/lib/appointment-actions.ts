"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
import { appointments } from "./backends"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

const EXPIRED = { error: "登录已过期，请重新登录" }
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/**
 * Books the chosen slot, or moves an appointment there when the form carries
 * `reschedule_id`; then back to 我的预约.
 */
export async function bookAppointment(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const siteId = text(form, "site_id")
  const [date, slot] = text(form, "choice").split(" ")
  if (!siteId) return { error: "请先选择采集点" }
  if (!date || !slot) return { error: "请选择一个有余位的时段" }
  const rescheduleId = text(form, "reschedule_id")
  try {
    if (rescheduleId) {
      await appointments.reschedule(token, rescheduleId, { date, slot })
    } else {
      await appointments.book(token, {
        site_id: siteId,
        date,
        slot,
        person_name: text(form, "person_name") || undefined,
        person_phone: text(form, "person_phone") || undefined,
        order_id: text(form, "order_id") || undefined,
      })
    }
  } catch (error) {
    return memberActionError(error, rescheduleId ? "appointment reschedule" : "appointment booking")
  }
  revalidatePath("/account/appointments", "layout")
  redirect(`/account/appointments?${rescheduleId ? "rescheduled" : "booked"}=1`)
}

export async function cancelAppointment(id: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await appointments.cancel(token, id)
  } catch (error) {
    return memberActionError(error, "appointment cancel")
  }
  revalidatePath("/account/appointments", "layout")
  return { notice: "预约已取消" }
}

/** Signs up, or joins the waitlist when the session is full. */
export async function signUpForClinicSession(sessionId: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    const { signup } = await appointments.signUp(token, sessionId)
    revalidatePath("/account/appointments", "layout")
    return signup?.status === "waitlisted"
      ? { notice: `名额已满，您已加入候补（第 ${signup.waitlist_position} 位），有名额时会通知您` }
      : { notice: "报名成功" }
  } catch (error) {
    return memberActionError(error, "clinic sign-up")
  }
}

export async function cancelClinicSignUp(sessionId: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await appointments.cancelSignUp(token, sessionId)
  } catch (error) {
    return memberActionError(error, "clinic sign-up cancel")
  }
  revalidatePath("/account/appointments", "layout")
  return { notice: "已取消报名" }
}
