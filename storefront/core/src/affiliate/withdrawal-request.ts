import { formatCNY, parseYuanInput, toFen } from "../format"
import { messages } from "../messages.zh-CN"
import type { MerchantTransfer, Withdrawal, WithdrawalRequest } from "./types"

/** The withdrawal form as the member filled it in: the amount is the text typed, in yuan. */
export type WithdrawalDraft = {
  amount: string
  method: "wechat" | "bank"
  holder?: string
  bank?: string
  account_no?: string
}

/** The member's available balance and the programme's minimum, in yuan as the API gives them. */
export type WithdrawalLimits = { available: number; minimum: number }

export type CheckedWithdrawal =
  | { ok: true; request: WithdrawalRequest; fen: number }
  | { ok: false; error: string }

/**
 * The request body for a draft, or what the member must fix first. The amount is checked in
 * fen; the server checks the same rules again, and its 4xx message is what the member sees
 * for anything this cannot know.
 */
export function checkWithdrawal(
  draft: WithdrawalDraft,
  requestKey: string,
  limits?: WithdrawalLimits
): CheckedWithdrawal {
  const fen = parseYuanInput(draft.amount)
  if (fen === null || fen <= 0) return { ok: false, error: messages.affiliate.amountInvalid }
  if (limits && fen < toFen(limits.minimum)) {
    return { ok: false, error: `最低提现金额为 ${formatCNY(limits.minimum)}` }
  }
  if (limits && fen > toFen(limits.available)) {
    return { ok: false, error: `可提现余额不足：当前可提现 ${formatCNY(limits.available)}` }
  }
  let payee: WithdrawalRequest["payee"]
  if (draft.method === "bank") {
    payee = {
      holder: (draft.holder ?? "").trim(),
      bank: (draft.bank ?? "").trim(),
      account_no: (draft.account_no ?? "").replace(/\s/g, ""),
    }
    if (!payee.holder || !payee.bank || !/^\d{8,30}$/.test(payee.account_no)) {
      return { ok: false, error: messages.affiliate.bankFieldsMissing }
    }
  }
  // The API takes yuan; fen / 100 is the exact two-decimal number the member typed.
  const request: WithdrawalRequest = {
    amount: fen / 100,
    method: draft.method,
    request_key: requestKey,
  }
  if (payee) request.payee = payee
  return { ok: true, request, fen }
}

/**
 * A fresh idempotency key for one withdrawal form: every tap of a double-tapped submit
 * carries the same key, so the server creates one withdrawal. The mini-program runtime has
 * no crypto.randomUUID, hence the fallback.
 */
export function newWithdrawalRequestKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  if (crypto?.randomUUID) return crypto.randomUUID()
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, "0")
  return `wd-${Date.now().toString(36)}-${random()}${random()}`
}

/** The transfer the member still has to confirm in WeChat, if this withdrawal waits for one. */
export function transferToConfirm(withdrawal: Withdrawal): MerchantTransfer | null {
  return withdrawal.status === "paying" && withdrawal.method === "wechat"
    ? (withdrawal.transfer ?? null)
    : null
}
