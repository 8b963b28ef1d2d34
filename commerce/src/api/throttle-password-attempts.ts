import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInThrottleFromEnv } from "../lib/auth/sign-in-throttle"
import { addressBucket, clientAddress } from "../lib/http/client-address"

type Options = {
  /** Whose password is being tried: an email for sign-in, the member for a password change. */
  accountOf: (req: MedusaRequest) => string | null
  /** Staff sign-in has its own, stricter limits. */
  kind: "member" | "staff"
  /** What else the person can do while they wait. */
  alternative: string
}

/** "8 秒", "3 分钟", "2 小时": how long to wait, rounded up. */
const waitText = (seconds: number) =>
  seconds < 60
    ? `${Math.max(1, seconds)} 秒`
    : seconds < 3600
      ? `${Math.ceil(seconds / 60)} 分钟`
      : `${Math.ceil(seconds / 3600)} 小时`

/**
 * Brute-force guard for routes that check a password. The attempt is counted before the
 * password is checked (parallel requests cannot slip past the count), per account and
 * client address: wrong tries from one address make that address wait longer each time,
 * while the owner elsewhere is unaffected; one address also has an hourly budget of wrong
 * tries across accounts. Refusals are 429 with Retry-After.
 */
export function throttlePasswordAttempts(options: Options) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const account = options.accountOf(req)
    if (!account) return next()
    const address = addressBucket(clientAddress(req))
    const throttle = signInThrottleFromEnv(options.kind)
    const reservation = await throttle.reserve(account, address)
    if (!reservation.allowed) {
      const wait = waitText(reservation.retryAfterSeconds)
      res.setHeader("Retry-After", String(reservation.retryAfterSeconds))
      res.status(429).json({
        type: "too_many_attempts",
        message:
          reservation.reason === "account"
            ? `密码错误次数过多，为保护账号安全请 ${wait}后再试，${options.alternative}`
            : `当前网络登录失败次数过多，请 ${wait}后再试，${options.alternative}`,
      })
      return
    }
    // The reserved attempt stays counted unless the password was right: any other answer
    // (wrong password, error, or the client hanging up first) may have compared it.
    res.on("finish", () => {
      const settled =
        res.statusCode < 300
          ? throttle.succeeded(account, address)
          : throttle.failed(account, address)
      settled.catch(() => undefined)
    })
    next()
  }
}

/** The email a sign-in request names, normalised as the emailpass provider does. */
export const emailOf = (req: MedusaRequest) => {
  const email = (req.body as { email?: unknown } | undefined)?.email
  return typeof email === "string" && email.trim() ? `email:${email.trim().toLowerCase()}` : null
}
