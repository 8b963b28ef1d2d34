"use server"

import { ApiError, checkWithdrawal, messages } from "@health/core"
import { revalidatePath } from "next/cache"
import { member } from "./backends"
import { readToken } from "./session"

export type WithdrawalActionState = { error?: string; notice?: string } | undefined

/** Requests a payout; the form's request key makes a double submit one request. */
export async function requestWithdrawal(
  _state: WithdrawalActionState,
  form: FormData
): Promise<WithdrawalActionState> {
  const token = await readToken()
  if (!token) return { error: "登录已过期，请重新登录" }
  const checked = checkWithdrawal(
    {
      amount: String(form.get("amount") ?? ""),
      method: form.get("method") === "bank" ? "bank" : "wechat",
      holder: String(form.get("holder") ?? ""),
      bank: String(form.get("bank") ?? ""),
      account_no: String(form.get("account_no") ?? ""),
    },
    String(form.get("request_key") ?? "")
  )
  if (!checked.ok) return { error: checked.error }
  try {
    await member.affiliate.requestWithdrawal(token, checked.request)
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: error.message }
    console.error("[affiliate]", error)
    return { error: "网络繁忙，请稍后重试" }
  }
  revalidatePath("/account/affiliate")
  return { notice: messages.affiliate.withdrawalSubmitted }
}
