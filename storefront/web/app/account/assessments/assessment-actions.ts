"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "@/lib/account-actions"
import { assessments } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { readToken } from "@/lib/session"
import { grantFormInput } from "./grant-form"

const EXPIRED = { error: "登录已过期，请重新登录" }

/** 申请检测评估: records the consent and the chosen items, then opens the assessment. */
export async function grantAssessment(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const parsed = grantFormInput(form)
  if ("error" in parsed) return parsed
  let id: string
  try {
    id = (await assessments.grant(token, parsed.input)).id
  } catch (error) {
    return memberActionError(error, "assessment grant")
  }
  redirect(`/account/assessments/${encodeURIComponent(id)}`)
}

/** 撤回授权: the expert can no longer open any item of this assessment. */
export async function withdrawAssessment(form: FormData): Promise<void> {
  const token = await readToken()
  if (!token) return
  const id = String(form.get("assessment_id") ?? "")
  await assessments
    .withdraw(token, id)
    .catch((error) => memberActionError(error, "assessment withdraw"))
  revalidatePath(`/account/assessments/${id}`)
}
