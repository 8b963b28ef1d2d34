"use client"

import { MEMBER_REVIEW_TAGS } from "@health/core"
import { useMemo } from "react"
import {
  loadMemberEscortReview,
  reportEscortReviewAsMember,
  submitMemberEscortReview,
} from "@/lib/escort-review-actions"
import { EscortReviewForm } from "./escort-review-form"

/** The member's review of the escort on their booking page (mounted in one line). */
export function MemberEscortReview({ bookingId, status }: { bookingId: string; status: string }) {
  const api = useMemo(
    () => ({
      load: () => loadMemberEscortReview(bookingId),
      submit: (input: Parameters<typeof submitMemberEscortReview>[1]) =>
        submitMemberEscortReview(bookingId, input),
      report: (reason: string) => reportEscortReviewAsMember(bookingId, reason),
    }),
    [bookingId]
  )
  return <EscortReviewForm status={status} title="陪诊员" tags={MEMBER_REVIEW_TAGS} api={api} />
}
