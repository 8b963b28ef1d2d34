"use server"

import {
  ApiError,
  ESCORT_CONSENT_DOCUMENTS,
  formatCNY,
  NEW_PERSON_SERVED,
  type PersonRelation,
} from "@health/core"
import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
import { escort, healthArchive } from "./backends"
import { handOverPayment } from "./hand-over-payment"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

export type EscortFormState =
  | { error?: string; notice?: string; fields?: Record<string, string> }
  | undefined

const EXPIRED = { error: "登录已过期，请重新登录" }
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/**
 * The person served: a saved 就诊人 chosen, or one typed in (新增就诊人), saved first (实名认证
 * once) when the member keeps 保存为常用就诊人 ticked, else sent as typed.
 */
async function personServed(
  token: string,
  form: FormData
): Promise<
  | { person_id: string; person?: undefined }
  | { person_id?: undefined; person: { name: string; id_number: string } }
> {
  const chosen = text(form, "person_id")
  if (chosen && chosen !== NEW_PERSON_SERVED) return { person_id: chosen }
  const person = { name: text(form, "person_name"), id_number: text(form, "person_id_number") }
  if (!form.get("save_person")) return { person }
  const relation = text(form, "person_relation") as PersonRelation
  const saved = await healthArchive.addPerson(token, { ...person, relation })
  return { person_id: saved.id }
}

/** Books the chosen service; commerce prices it. Then to the booking, ready to pay. */
export async function bookEscort(
  _state: EscortFormState,
  form: FormData
): Promise<EscortFormState> {
  const token = await readToken()
  if (!token) return EXPIRED
  // What the member typed comes back with a refusal; the ID number never does.
  const fields = Object.fromEntries(
    [...form.entries()]
      .filter(([name, value]) => typeof value === "string" && name !== "person_id_number")
      .map(([name, value]) => [name, String(value)])
  )
  if (!text(form, "variant_id")) return { error: "请选择陪诊服务", fields }
  if (!form.get("save_person")) fields.save_person = "0"
  let id: string
  try {
    const served = await personServed(token, form)
    if (served.person_id && served.person_id !== text(form, "person_id")) {
      // Saved now: a refused booking comes back with them chosen, never saved twice.
      fields.person_id = served.person_id
      revalidatePath("/escort/book")
    }
    const booking = await escort.create(token, {
      ...served,
      variant_id: text(form, "variant_id"),
      extras: form.getAll("extras").map(String),
      hospital_id: text(form, "hospital_id") || null,
      hospital_name: text(form, "hospital_name"),
      department_id: text(form, "department_id") || null,
      department: text(form, "department"),
      city: text(form, "city"),
      date: text(form, "date"),
      time_window: { start: text(form, "start"), end: text(form, "end") },
      meeting_point: text(form, "meeting_point"),
      needs: text(form, "needs")
        .split(/[,，、\n]/)
        .map((need) => need.trim())
        .filter(Boolean),
      // Each ticked box with the version of the text shown; commerce refuses a missing one.
      consents: ESCORT_CONSENT_DOCUMENTS.filter((doc) => form.get(`consent_${doc.kind}`)).map(
        (doc) => ({ kind: doc.kind, version: text(form, `consent_version_${doc.kind}`) })
      ),
    })
    id = booking.id
  } catch (error) {
    return { ...memberActionError(error, "escort booking"), fields }
  }
  revalidatePath("/account/escort")
  redirect(`/account/escort/${encodeURIComponent(id)}?booked=1`)
}

/**
 * Opens the booking's payment with the chosen method, then hands over to the checkout's pay
 * page (QR code, cashier form, WeChat JSAPI), which waits for the payment like an order's.
 */
export async function payEscort(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const bookingId = text(form, "booking_id")
  const answer = await handOverPayment(
    form,
    "escort pay",
    (method) => escort.pay(token, bookingId, method),
    "已用余额支付，正在为您安排陪诊员"
  )
  // Paid in full by store credit: the booking page shows it 待接单 at once.
  if (answer?.notice) revalidatePath(`/account/escort/${bookingId}`)
  return answer
}

/** Cancels; the refund is what commerce's cancellation rule gives for the time left. */
export async function cancelEscort(bookingId: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    const { refund_fen } = await escort.cancel(token, bookingId)
    revalidatePath(`/account/escort/${bookingId}`)
    return {
      notice: refund_fen > 0 ? `已取消，${formatCNY(refund_fen / 100)} 将原路退回` : "已取消预约",
    }
  } catch (error) {
    return memberActionError(error, "escort cancel")
  }
}

export async function confirmEscort(bookingId: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await escort.confirm(token, bookingId)
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { error: error.message }
    return memberActionError(error, "escort confirm")
  }
  revalidatePath(`/account/escort/${bookingId}`)
  return { notice: "已确认服务完成，感谢您的信任" }
}
