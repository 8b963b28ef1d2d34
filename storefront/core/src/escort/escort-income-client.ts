import type { MerchantTransfer } from "../affiliate/types"
import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import type { EscortBooking } from "./types"

/** One task's earning: the escort's share of the price at their level when it was done. */
export type EscortEarning = {
  booking_id: string
  service_name: string
  service_date: string
  price_fen: number
  share_percent: number
  amount_fen: number
  status: "pending" | "available" | "frozen" | "withdrawn" | "reversed"
  /** When it became available, or for a pending one when it will by itself. */
  available_at: string | null
}

/** GET /escort/income: balances (fen), the escort's level, what the next one needs, the rules. */
export type EscortIncome = {
  income: {
    balance_fen: number
    pending_fen: number
    frozen_fen: number
    withdrawn_fen: number
    level: "trainee" | "silver" | "gold"
    level_label: string
    share_percent: number
    completed_count: number
    rating_average: number | null
    next_level: { level_label: string; needs: string } | null
    rules: { level_label: string; share_percent: number; condition: string }[]
    /** Whether withdrawals can be paid to the escort's WeChat (else 绑定微信 is offered). */
    wechat_bound?: boolean
  }
  earnings: EscortEarning[]
}

export type EscortWithdrawal = {
  id: string
  amount_fen: number
  status: "requested" | "approved" | "paying" | "paid" | "rejected" | "failed"
  status_label?: string
  /** How finance paid it: a bank transfer, or WeChat 商家转账 to the bound WeChat. */
  method?: "bank" | "wechat" | null
  reject_reason?: string | null
  /** Why a WeChat transfer did not complete (the amount is back in the balance). */
  fail_reason?: string | null
  /** While paying by WeChat: what wx.requestMerchantTransfer opens 确认收款 with. */
  transfer?: MerchantTransfer | null
  created_at: string
}

/** `GET /escort/wechat`: whether the escort bound a WeChat to be paid to (never the openid). */
export type EscortWechat = { bound: boolean; bound_at: string | null }

export type EscortDispute = {
  id: string
  booking_id: string
  status: "open" | "resolved"
  reason: string
  created_at: string
}

/** The member's confirmation of a finished service, optionally rated 1–5 with tags. */
export type EscortConfirmation = { rating?: number; tags?: string[] }

export const ESCORT_EARNING_STATUS_LABELS: Record<EscortEarning["status"], string> = {
  pending: "待结算",
  available: "可提现",
  frozen: "申诉冻结",
  withdrawn: "已提现",
  reversed: "已退回",
}

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)
const post = (body: unknown) => ({ method: "POST", body: JSON.stringify(body), ...noStore })

/**
 * 陪诊 income (issue #20 items 5–6). Escort calls take the escort's token (the web passes ""
 * and its relay adds it); member calls the member's. Refusals are ApiErrors with commerce's
 * Chinese message: 409 when the balance is short or the dispute window has passed.
 */
export async function getEscortIncome(
  client: CommerceClientOptions,
  token: string
): Promise<EscortIncome> {
  return commerceRequester(client)<EscortIncome>("/escort/income", { token, ...noStore })
}

export async function listEscortWithdrawals(
  client: CommerceClientOptions,
  token: string
): Promise<EscortWithdrawal[]> {
  return (
    await commerceRequester(client)<{ withdrawals: EscortWithdrawal[] }>("/escort/withdrawals", {
      token,
      ...noStore,
    })
  ).withdrawals
}

/** Withdraws `amountFen` (integer fen) of the available balance; 409 when it is short. */
export async function requestEscortWithdrawal(
  client: CommerceClientOptions,
  token: string,
  amountFen: number
): Promise<EscortWithdrawal> {
  return (
    await commerceRequester(client)<{ withdrawal: EscortWithdrawal }>("/escort/withdrawals", {
      token,
      ...post({ amount_fen: amountFen }),
    })
  ).withdrawal
}

/**
 * Binds the WeChat the escort's withdrawals are transferred to: `code` is wx.login's, in the
 * mini-program's escort mode (commerce exchanges it for the openid; 409 when that WeChat is
 * already another escort's).
 */
export async function bindEscortWechat(
  client: CommerceClientOptions,
  token: string,
  code: string
): Promise<EscortWechat> {
  return (
    await commerceRequester(client)<{ wechat: EscortWechat }>("/escort/wechat/bind", {
      token,
      ...post({ code }),
    })
  ).wechat
}

/** The member confirms a finished service (已确认), with an optional rating. */
export async function confirmEscortService(
  client: CommerceClientOptions,
  token: string,
  bookingId: string,
  confirmation: EscortConfirmation = {}
): Promise<EscortBooking> {
  const body: EscortConfirmation = {}
  if (confirmation.rating) body.rating = confirmation.rating
  if (confirmation.rating && confirmation.tags?.length) body.tags = confirmation.tags
  return (
    await commerceRequester(client)<{ booking: EscortBooking }>(
      `/store/escort-bookings/${id(bookingId)}/confirm`,
      { token, ...post(body) }
    )
  ).booking
}

/** The member disputes a finished service before its income is released. */
export async function disputeEscortBooking(
  client: CommerceClientOptions,
  token: string,
  bookingId: string,
  reason: string
): Promise<EscortDispute> {
  return (
    await commerceRequester(client)<{ dispute: EscortDispute }>(
      `/store/escort-bookings/${id(bookingId)}/dispute`,
      { token, ...post({ reason }) }
    )
  ).dispute
}
