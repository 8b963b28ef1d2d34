import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addressRateLimitFromEnv } from "../lib/http/address-rate-limit"
import { MESSAGES_PER_MINUTE } from "../modules/escort-messaging/rules/message-limits"

/**
 * Messages and pictures per sender and minute (a member or an escort, whichever booking):
 * enough to talk, not to flood the other party. Counted in Redis, so every instance agrees.
 */
export async function limitEscortMessages(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const auth = (
    req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }
  ).auth_context
  if (!auth?.actor_id) return next()
  const limit = addressRateLimitFromEnv("escort-messages", MESSAGES_PER_MINUTE, 60)
  const verdict = await limit.take(`${auth.actor_type}:${auth.actor_id}`)
  if (verdict.allowed) return next()
  res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
  res.status(429).json({
    type: "too_many_requests",
    message: `消息发送过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试`,
  })
}
