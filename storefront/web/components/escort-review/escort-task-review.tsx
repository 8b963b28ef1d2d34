"use client"

import {
  ESCORT_REVIEW_TAGS,
  getEscortReview,
  reportEscortReview,
  submitEscortReview,
  type EscortReviewInput,
} from "@health/core"
import { useEffect, useMemo, useState } from "react"
import { escortAppInBrowser, escortRelayOptions } from "@/lib/escort-app-browser"
import { EscortReviewForm } from "./escort-review-form"

/** The escort's review of the member on the task page, through the app's relay (one-line mount). */
export function EscortTaskReview({ taskId }: { taskId: string }) {
  const [status, setStatus] = useState<string>()
  useEffect(() => {
    escortAppInBrowser()
      .getEscortTask("", taskId)
      .then((task) => setStatus(task.status))
      .catch(() => setStatus(undefined))
  }, [taskId])
  const api = useMemo(() => {
    const options = escortRelayOptions()
    return {
      load: () => getEscortReview(options, "", "escort", taskId),
      submit: (input: EscortReviewInput) =>
        submitEscortReview(options, "", "escort", taskId, input),
      report: (reason: string) => reportEscortReview(options, "", "escort", taskId, reason),
    }
  }, [taskId])
  if (!status) return null
  return <EscortReviewForm status={status} title="会员" tags={ESCORT_REVIEW_TAGS} api={api} />
}
