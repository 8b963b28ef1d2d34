"use server"

import {
  ApiError,
  getEscortReview,
  reportEscortReview,
  submitEscortReview,
  type EscortReviewInput,
  type EscortReviewPair,
} from "@health/core"
import { commerceFetch } from "./commerce-fetch"
import { env } from "./env"
import { publishableKeySource, withPublishableKey } from "./publishable-key"
import { readToken } from "./session"

const commerceOptions = () => ({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: withPublishableKey(
    commerceFetch,
    publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
  ),
})

/** The signed-in member's token, or the refusal the form shows. */
async function memberToken(): Promise<string> {
  const token = await readToken()
  if (!token) throw new Error("登录已过期，请重新登录")
  return token
}

/** Commerce's Chinese refusal as is; anything else as a retry prompt (the form shows it). */
function refusal(error: unknown): never {
  if (error instanceof ApiError && error.status < 500) throw new Error(error.message)
  throw new Error("网络开小差了，请稍后重试")
}

export async function loadMemberEscortReview(bookingId: string): Promise<EscortReviewPair> {
  return getEscortReview(commerceOptions(), await memberToken(), "member", bookingId).catch(refusal)
}

export async function submitMemberEscortReview(
  bookingId: string,
  input: EscortReviewInput
): Promise<EscortReviewPair> {
  return submitEscortReview(
    commerceOptions(),
    await memberToken(),
    "member",
    bookingId,
    input
  ).catch(refusal)
}

export async function reportEscortReviewAsMember(bookingId: string, reason: string) {
  await reportEscortReview(
    commerceOptions(),
    await memberToken(),
    "member",
    bookingId,
    reason
  ).catch(refusal)
}
