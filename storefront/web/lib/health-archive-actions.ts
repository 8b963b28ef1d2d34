"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
import { healthArchive } from "./backends"
import { readKitActivationForm } from "./kit-activation-form"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

const EXPIRED = { error: "登录已过期，请重新登录" }

/** Binds a barcode to a person with the signed consents, then opens the kit. */
export async function activateKit(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const { activation, problem } = readKitActivationForm(form)
  if (!activation) return { error: problem }
  let kitId: string
  try {
    kitId = (await healthArchive.activateKit(token, activation)).id
  } catch (error) {
    return memberActionError(error, "kit activation")
  }
  revalidatePath("/account/health", "layout")
  redirect(`/account/health/kits/${encodeURIComponent(kitId)}?activated=1`)
}

export async function withdrawConsent(id: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await healthArchive.withdrawConsent(token, id)
  } catch (error) {
    return memberActionError(error, "consent withdrawal")
  }
  revalidatePath("/account/health", "layout")
  return { notice: "已撤回同意" }
}

export async function deleteUpload(id: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await healthArchive.deleteUpload(token, id)
  } catch (error) {
    return memberActionError(error, "upload deletion")
  }
  revalidatePath("/account/health", "layout")
  return { notice: "资料已删除" }
}

/** Deletes the whole archive; the member must have typed 删除. */
export async function deleteArchive(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const confirm = String(form.get("confirm") ?? "").trim()
  if (confirm !== "删除") return { error: "请输入“删除”两个字以确认" }
  try {
    await healthArchive.deleteArchive(token, confirm)
  } catch (error) {
    return memberActionError(error, "archive deletion")
  }
  revalidatePath("/account/health", "layout")
  return { notice: "健康档案已删除，所有同意均已撤回" }
}
