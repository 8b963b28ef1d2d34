import type { ReviewAuthor, ReviewModeration } from "./rules/review-reveal"

export type EscortReviewRow = {
  id: string
  booking_id: string
  author: ReviewAuthor
  author_id: string
  escort_id: string
  rating: number
  tags: string[]
  text: string | null
  photo_upload_ids: string[]
  moderation: ReviewModeration
  shown_text: string | null
  rejected_reason: string | null
  opened_at: Date | null
  created_at: Date
  updated_at: Date
}

export type EscortReviewWindowRow = {
  id: string
  booking_id: string
  escort_id: string
  customer_id: string
  started_at: Date
  opened_at: Date | null
}

export type NewEscortReview = {
  booking_id: string
  author: ReviewAuthor
  author_id: string
  escort_id: string
  rating: number
  tags: string[]
  text: string | null
  photo_upload_ids: string[]
  moderation: Extract<ReviewModeration, "clear" | "pending">
}
