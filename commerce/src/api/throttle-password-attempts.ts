import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInThrottleFromEnv } from "../lib/auth/sign-in-throttle"

type Options = {
  /** Whose password is being tried: an email for sign-in, the member for a password change. */
  accountOf: (req: MedusaRequest) => string | null
  /** Answers that mean a wrong password. */
  failureStatuses: number[]
  /** What else the person can do while locked out. */
  alternative: string
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60))

/**
 * Brute-force guard for routes that check a password: refuses with 429 and
 * Retry-After once an account or address has failed too often, and counts the
 * outcome of every attempt it lets through.
 */
export function throttlePasswordAttempts(options: Options) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const account = options.accountOf(req)
    if (!account) return next()
    const ip =
      (req as { request_context?: { ip_address?: string } }).request_context?.ip_address ||
      req.ip ||
      "unknown"
    const throttle = signInThrottleFromEnv()
    const wait = await throttle.retryAfter(account, ip)
    if (wait > 0) {
      res.setHeader("Retry-After", String(wait))
      res.status(429).json({
        type: "too_many_attempts",
        message: `密码错误次数过多，为保护账号安全已暂时锁定，请 ${minutes(wait)} 分钟后再试，${options.alternative}`,
      })
      return
    }
    res.on("finish", () => {
      const outcome = options.failureStatuses.includes(res.statusCode)
        ? throttle.recordFailure(account, ip)
        : res.statusCode < 300
          ? throttle.recordSuccess(account)
          : Promise.resolve()
      outcome.catch(() => undefined)
    })
    next()
  }
}

/** The email a sign-in request names, normalised as the emailpass provider does. */
export const emailOf = (req: MedusaRequest) => {
  const email = (req.body as { email?: unknown } | undefined)?.email
  return typeof email === "string" && email.trim() ? `email:${email.trim().toLowerCase()}` : null
}
