import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addressBucket, clientAddress } from "../lib/http/client-address"
import { addressRateLimitFromEnv } from "../lib/http/address-rate-limit"

/** Visitors' scorings per address and hour: enough for a family, not for a PDF flood. */
export const ANONYMOUS_ASSESSMENTS_PER_HOUR = 30

/**
 * Anyone may score the questionnaire without signing in, and the web turns each scoring
 * into a PDF; both cost CPU, so visitors are limited per address (the web forwards the
 * shopper's, see lib/http/client-address.ts). Members are not: their results are saved.
 */
export async function limitAnonymousAssessments(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const member = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context
  if (member?.actor_id) return next()
  const limit = addressRateLimitFromEnv("assessments", ANONYMOUS_ASSESSMENTS_PER_HOUR, 3600)
  const verdict = await limit.take(addressBucket(clientAddress(req)))
  if (verdict.allowed) return next()
  res.setHeader("Retry-After", String(verdict.retryAfterSeconds))
  res.status(429).json({
    type: "too_many_requests",
    message: `体质辨识提交过于频繁，请 ${Math.ceil(verdict.retryAfterSeconds / 60)} 分钟后再试，或登录后测评（登录后不受此限制）。`,
  })
}
