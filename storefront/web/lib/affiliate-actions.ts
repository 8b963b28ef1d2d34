"use server"

import { ApiError } from "@health/core"
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
  const amount = Number(String(form.get("amount") ?? "").trim())
  if (!Number.isFinite(amount) || amount <= 0) return { error: "请输入提现金额" }
  if (Math.round(amount * 100) !== Math.round(amount * 100 * 1000) / 1000) {
    return { error: "金额最多两位小数" }
  }
  const method = form.get("method") === "bank" ? "bank" : "wechat"
  const payee =
    method === "bank"
      ? {
          holder: String(form.get("holder") ?? "").trim(),
          bank: String(form.get("bank") ?? "").trim(),
          account_no: String(form.get("account_no") ?? "").replace(/\s/g, ""),
        }
      : undefined
  if (payee && (!payee.holder || !payee.bank || !/^\d{8,30}$/.test(payee.account_no))) {
    return { error: "请填写开户名、开户行和正确的银行卡号" }
  }
  try {
    await member.affiliate.requestWithdrawal(token, {
      amount,
      method,
      payee,
      request_key: String(form.get("request_key") ?? ""),
    })
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: error.message }
    console.error("[affiliate]", error)
    return { error: "网络繁忙，请稍后重试" }
  }
  revalidatePath("/account/affiliate")
  return { notice: "提现申请已提交，审核通过后打款" }
}
