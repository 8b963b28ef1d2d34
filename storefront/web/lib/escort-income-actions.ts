"use server"

import { ApiError, confirmEscortService, disputeEscortBooking } from "@health/core"
import { revalidatePath } from "next/cache"
import type { AccountActionState } from "./account-actions"
import { commerceFetch } from "./commerce-fetch"
import { env } from "./env"
import { memberActionError } from "./member-action-error"
import { publishableKeySource, withPublishableKey } from "./publishable-key"
import { readToken } from "./session"

const EXPIRED = { error: "登录已过期，请重新登录" }

/** The same commerce connection lib/backends.ts gives the other clients. */
const commerceOptions = () => ({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: withPublishableKey(
    commerceFetch,
    publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
  ),
})

/** Confirms a finished service with the member's rating (1–5) and tags. */
export async function rateAndConfirmEscort(
  bookingId: string,
  rating: number,
  tags: string[]
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await confirmEscortService(commerceOptions(), token, bookingId, { rating, tags })
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: error.message }
    return memberActionError(error, "escort confirm")
  }
  revalidatePath(`/account/escort/${bookingId}`)
  return { notice: "已确认服务完成，感谢您的评价" }
}

/** Disputes a finished service; the escort's income for it waits for the platform. */
export async function disputeEscort(
  bookingId: string,
  reason: string
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  if (!reason.trim()) return { error: "请填写申诉原因" }
  try {
    await disputeEscortBooking(commerceOptions(), token, bookingId, reason.trim())
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: error.message }
    return memberActionError(error, "escort dispute")
  }
  revalidatePath(`/account/escort/${bookingId}`)
  return { notice: "申诉已提交，平台客服会尽快与您联系" }
}
