/** Where an escort stands on one course. */
export type CourseProgressState =
  | "not_started"
  | "in_progress"
  | "cooling_down"
  | "failed"
  | "passed"
  | "expired"

export const COURSE_PROGRESS_LABELS: Record<CourseProgressState, string> = {
  not_started: "未开始",
  in_progress: "考试中",
  cooling_down: "未通过，冷却中",
  failed: "未通过，可重考",
  passed: "已通过",
  expired: "证书已过期，需复训",
}

export type ProgressInputs = {
  now: Date
  retry_cooldown_minutes: number
  /** The newest certificate of the course, if any. */
  certificate: { expires_at: Date | string } | null
  /** The newest attempt of the course, if any. */
  attempt: { status: string; submitted_at: Date | string | null } | null
}

/** When a failed attempt may be retried (null when nothing waits). */
export function retryAt(inputs: Pick<ProgressInputs, "retry_cooldown_minutes" | "attempt">) {
  const { attempt } = inputs
  if (attempt?.status !== "failed" || !attempt.submitted_at) return null
  return new Date(new Date(attempt.submitted_at).getTime() + inputs.retry_cooldown_minutes * 60_000)
}

/**
 * A valid certificate wins (a refresher attempt in progress does not undo it); then the
 * newest attempt says in progress, cooling down or failed; a lapsed certificate, expired.
 */
export function courseProgress(inputs: ProgressInputs): CourseProgressState {
  const { now, certificate, attempt } = inputs
  const valid = !!certificate && new Date(certificate.expires_at).getTime() > now.getTime()
  if (valid) return "passed"
  if (attempt?.status === "in_progress") return "in_progress"
  if (attempt?.status === "failed") {
    const retry = retryAt(inputs)
    if (retry && retry.getTime() > now.getTime()) return "cooling_down"
    return certificate ? "expired" : "failed"
  }
  return certificate ? "expired" : "not_started"
}

/** The certificate's end: `months` after issue (a refresher is due yearly by default). */
export function certificateExpiry(issuedAt: Date, months: number): Date {
  const end = new Date(issuedAt.getTime())
  end.setUTCMonth(end.getUTCMonth() + Math.max(1, months))
  return end
}
