import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addressRateLimitFromEnv } from "../lib/http/address-rate-limit"
import { addressBucket, clientAddress } from "../lib/http/client-address"

/** Reset mails per email address and hour: a lost first mail can be asked for again. */
export const PASSWORD_RESETS_PER_IDENTIFIER_PER_HOUR = 5
/** Reset requests per client address and hour, across addresses: a family, not a script. */
export const PASSWORD_RESETS_PER_ADDRESS_PER_HOUR = 20

/**
 * In front of Medusa's `POST /auth/:actor_type/emailpass/reset-password`, which mails a
 * link for a known email and answers 201 either way. Counted before Medusa looks the
 * email up, so a refusal (429) says as little about whether it exists as the 201 does;
 * the limits keep the route from mailing one inbox into the ground or probing in bulk.
 */
export async function limitPasswordResetRequests(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const address = addressBucket(clientAddress(req))
  const byAddress = await addressRateLimitFromEnv(
    "password-reset-address",
    PASSWORD_RESETS_PER_ADDRESS_PER_HOUR,
    3600
  ).take(address)
  if (!byAddress.allowed) return refuse(res, byAddress.retryAfterSeconds)

  const identifier = (req.body as { identifier?: unknown } | undefined)?.identifier
  if (typeof identifier === "string" && identifier.trim()) {
    const byIdentifier = await addressRateLimitFromEnv(
      "password-reset-identifier",
      PASSWORD_RESETS_PER_IDENTIFIER_PER_HOUR,
      3600
    ).take(`${req.params.actor_type}:${identifier.trim().toLowerCase()}`)
    if (!byIdentifier.allowed) return refuse(res, byIdentifier.retryAfterSeconds)
  }
  next()
}

function refuse(res: MedusaResponse, retryAfterSeconds: number) {
  res.setHeader("Retry-After", String(retryAfterSeconds))
  res.status(429).json({
    type: "too_many_requests",
    message: `重置密码的请求过于频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试。如已收到邮件，请使用最新一封中的链接。`,
  })
}
