"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "@/lib/account-actions"
import { consultations } from "@/lib/backends"
import { handOverPayment } from "@/lib/hand-over-payment"
import { memberActionError } from "@/lib/member-action-error"
import { readToken } from "@/lib/session"

const EXPIRED = { error: "登录已过期，请重新登录" }
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** 图文问诊: asks the doctor; commerce prices it. Then to the consultation, ready to pay. */
export async function askDoctor(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  let id: string
  try {
    const consultation = await consultations.ask(token, {
      doctor_id: text(form, "doctor_id"),
      mode: "text",
      question: text(form, "question"),
    })
    id = consultation.id
  } catch (error) {
    return memberActionError(error, "consultation ask")
  }
  revalidatePath("/account/consultations")
  redirect(`/account/consultations/${encodeURIComponent(id)}?asked=1`)
}

/** 电话/视频问诊: books the chosen slot (a 409 when just taken comes back in Chinese), then pay. */
export async function bookDoctorSlot(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const mode = text(form, "mode") === "video" ? "video" : "phone"
  let id: string
  try {
    const consultation = await consultations.ask(token, {
      doctor_id: text(form, "doctor_id"),
      mode,
      slot: text(form, "slot"),
      question: text(form, "question"),
    })
    id = consultation.id
  } catch (error) {
    return memberActionError(error, "consultation book slot")
  }
  revalidatePath("/account/consultations")
  redirect(`/account/consultations/${encodeURIComponent(id)}?asked=1`)
}

/** Pays the consultation (form field `booking_id`: the shared pay form's name for what is paid). */
export async function payConsultation(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const id = text(form, "booking_id")
  const answer = await handOverPayment(
    form,
    "consultation pay",
    (method) =>
      consultations.pay(token, id, {
        payment_method: {
          provider_id: method.provider_id,
          channel: method.channel,
          ...(method.openid && { openid: method.openid }),
        },
        store_credit_fen: method.store_credit_fen,
      }),
    "已用余额支付，医生将在承诺时间内回复"
  )
  revalidatePath(`/account/consultations/${id}`)
  return answer
}

/** One message to the doctor. */
export async function sendToDoctor(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const id = text(form, "consultation_id")
  try {
    await consultations.send(token, id, { text: text(form, "text") })
  } catch (error) {
    return memberActionError(error, "consultation message")
  }
  revalidatePath(`/account/consultations/${id}`)
  return { notice: "已发送" }
}

/** Lets the doctor read one archive item (a report or an upload) for this consultation. */
export async function shareWithDoctor(form: FormData): Promise<void> {
  const token = await readToken()
  if (!token) return
  const id = text(form, "consultation_id")
  const itemType = text(form, "item_type") === "report" ? "report" : "upload"
  await consultations
    .share(token, id, { item_type: itemType, item_id: text(form, "item_id") })
    .catch((error) => memberActionError(error, "consultation share"))
  revalidatePath(`/account/consultations/${id}`)
}

/** Takes a shared item back: the doctor can no longer open it. */
export async function withdrawFromDoctor(form: FormData): Promise<void> {
  const token = await readToken()
  if (!token) return
  const id = text(form, "consultation_id")
  await consultations
    .withdrawShare(token, id, text(form, "share_id"))
    .catch((error) => memberActionError(error, "consultation withdraw share"))
  revalidatePath(`/account/consultations/${id}`)
}
