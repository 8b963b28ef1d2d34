/** Whether the expert may read the member's items now: the consent stands and has not ended. */
export type ExpertAccess = "granted" | "withdrawn" | "expired"

export function expertAccess(
  assessment: { consent_withdrawn_at: Date | string | null; ends_at: Date | string },
  now: Date
): ExpertAccess {
  if (assessment.consent_withdrawn_at) return "withdrawn"
  if (new Date(assessment.ends_at).getTime() <= now.getTime()) return "expired"
  return "granted"
}

/** What the expert is told when the member's consent no longer stands. */
export const REFUSAL: Record<Exclude<ExpertAccess, "granted">, string> = {
  withdrawn: "会员已撤回本次评估的授权，不能再查看其档案资料",
  expired: "本次评估的授权已到期，不能再查看会员的档案资料",
}

/** The longest a member may grant: an assessment is one piece of work, not standing access. */
export const MAX_GRANT_DAYS = 90

/** Null when `ends_at` is acceptable, else the Chinese reason. */
export function endDateProblem(endsAt: Date, now: Date): string | null {
  if (Number.isNaN(endsAt.getTime())) return "授权截止时间格式不正确"
  if (endsAt.getTime() <= now.getTime()) return "授权截止时间必须晚于现在"
  if (endsAt.getTime() - now.getTime() > MAX_GRANT_DAYS * 86_400_000) {
    return `授权期限最长 ${MAX_GRANT_DAYS} 天`
  }
  return null
}
