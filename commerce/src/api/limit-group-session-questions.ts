import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addressRateLimitFromEnv } from "../lib/http/address-rate-limit"
import { QUESTIONS_PER_MINUTE } from "../modules/group-session/rules/session-schedule"

/**
 * Questions per member and minute, whichever session: a room is shared, so one member must
 * not flood its moderators. Counted in Redis, so every instance agrees.
 */
export async function limitGroupSessionQuestions(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const auth = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context
  if (!auth?.actor_id) return next()
  const limit = addressRateLimitFromEnv("group-session-questions", QUESTIONS_PER_MINUTE, 60)
  const verdict = await limit.take(auth.actor_id)
  if (verdict.allowed) return next()
  res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
  res.status(429).json({
    type: "too_many_requests",
    message: `提问过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试`,
  })
}
