import { commerceRequester, type CommerceClientOptions } from "../commerce/request"

/** Where one side's pair of reviews stands (commerce's REVIEW_STATE_LABELS say it in words). */
export type EscortReviewState = "not_written" | "waiting_other" | "other_written" | "opened"

/** What one side writes of the other after a service. */
export type EscortReviewInput = {
  rating: number
  tags?: string[]
  text?: string
  /** Pictures uploaded to the booking's conversation (…/messages/images) by the writer. */
  photo_upload_ids?: string[]
}

/** GET …/review: the reader's own review and, once both opened, the other side's (anonymous). */
export type EscortReviewPair = {
  state: EscortReviewState
  state_label: string
  can_write: boolean
  /** When the pair opens by time alone (48 h after 服务完成), while sealed. */
  opens_at: string | null
  mine: {
    rating: number
    tags: string[]
    text: string | null
    photos: { upload_id: string; image_url: string }[]
    moderation: "clear" | "pending" | "approved" | "rejected"
    moderation_label: string
    rejected_reason: string | null
    opened: boolean
  } | null
  theirs: {
    /** 匿名会员 or 陪诊员: never a name or an id. */
    from: string
    rating: number
    tags: string[]
    text: string | null
    photos: { image_url: string }[]
    opened_at: string
  } | null
}

/** GET /store/escorts/:id/reviews: an escort's opened, moderated reviews, for matching. */
export type PublicEscortReviews = {
  rating: { average: number | null; count: number }
  reviews: { from: string; rating: number; tags: string[]; text: string | null; date: string }[]
  count: number
}

/** Tags offered on the forms; people may write their own (≤ 12 字). */
export const MEMBER_REVIEW_TAGS = ["耐心细致", "准时守约", "熟悉医院", "沟通顺畅", "专业可靠"]
export const ESCORT_REVIEW_TAGS = ["配合度高", "准时到达", "沟通顺畅", "信息准确", "礼貌友善"]

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)
const post = (body: unknown) => ({ method: "POST", body: JSON.stringify(body), ...noStore })

/** The path of one side's review of a booking: the member's or the escort's app. */
const reviewPath = (side: "member" | "escort", bookingId: string) =>
  side === "member"
    ? `/store/escort-bookings/${id(bookingId)}/review`
    : `/escort/tasks/${id(bookingId)}/review`

/**
 * Two-way anonymous 陪诊 reviews (issue #21 item 4). `token` is the member's or the escort's
 * (the web passes "" and its relay adds it). Refusals are ApiErrors with commerce's Chinese
 * message: 409 before 服务完成 or once the pair opened (评价已公开，不能再修改).
 */
export async function getEscortReview(
  client: CommerceClientOptions,
  token: string,
  side: "member" | "escort",
  bookingId: string
): Promise<EscortReviewPair> {
  return (
    await commerceRequester(client)<{ review: EscortReviewPair }>(reviewPath(side, bookingId), {
      token,
      ...noStore,
    })
  ).review
}

export async function submitEscortReview(
  client: CommerceClientOptions,
  token: string,
  side: "member" | "escort",
  bookingId: string,
  input: EscortReviewInput
): Promise<EscortReviewPair> {
  const body: EscortReviewInput = { rating: input.rating }
  if (input.tags?.length) body.tags = input.tags
  if (input.text?.trim()) body.text = input.text.trim()
  if (input.photo_upload_ids?.length) body.photo_upload_ids = input.photo_upload_ids
  return (
    await commerceRequester(client)<{ review: EscortReviewPair }>(reviewPath(side, bookingId), {
      token,
      ...post(body),
    })
  ).review
}

/** Reports the other side's opened review to the platform's moderation queue. */
export async function reportEscortReview(
  client: CommerceClientOptions,
  token: string,
  side: "member" | "escort",
  bookingId: string,
  reason: string
): Promise<void> {
  await commerceRequester(client)(`${reviewPath(side, bookingId)}/report`, {
    token,
    ...post({ reason }),
  })
}

export async function listEscortPublicReviews(
  client: CommerceClientOptions,
  escortId: string,
  page: { limit?: number; offset?: number } = {}
): Promise<PublicEscortReviews> {
  const query = new URLSearchParams({
    limit: String(page.limit ?? 10),
    offset: String(page.offset ?? 0),
  })
  return commerceRequester(client)<PublicEscortReviews>(
    `/store/escorts/${id(escortId)}/reviews?${query}`,
    noStore
  )
}
