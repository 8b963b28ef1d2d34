import { createHash, randomInt } from "crypto"
import type Redis from "ioredis"

export type OtpPurpose = "login" | "register" | "bind"

export type OtpLimits = {
  /** Seconds a code stays valid. */
  ttlSeconds: number
  /** Wrong tries after which the code is destroyed. */
  maxAttempts: number
  /** Minimum seconds between two codes to one phone. */
  resendSeconds: number
  /** Codes per phone per day. */
  perPhonePerDay: number
  /** Codes requested from one address (or IPv6 /64) per hour. */
  perIpPerHour: number
  /** Codes texted per hour to all numbers together: caps the SMS bill under a botnet. */
  globalPerHour: number
}

export const DEFAULT_OTP_LIMITS: OtpLimits = {
  ttlSeconds: 300,
  maxAttempts: 5,
  resendSeconds: 60,
  perPhonePerDay: 10,
  perIpPerHour: 30,
  globalPerHour: 1000,
}

export type IssueResult =
  | { ok: true; code: string; expiresInSeconds: number }
  | {
      ok: false
      reason: "too_soon" | "phone_daily_limit" | "ip_hourly_limit" | "global_hourly_limit"
      retryAfterSeconds: number
    }

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: "expired" | "mismatch" | "locked"; attemptsLeft?: number }

const hash = (code: string) => createHash("sha256").update(code).digest()

/**
 * Checks every limit and, only if all allow it, counts the code against them and stores it;
 * one script, so parallel requests cannot slip between a check and its count. Every key it
 * writes expires (a counter gets its window when it is created or found without one).
 * KEYS: cooldown, per-address, per-phone-daily, global-hourly, code.
 * ARGV: resendSeconds, perIpPerHour, perPhonePerDay, globalPerHour, ttlSeconds, code hash.
 */
const ISSUE_SCRIPT = `
local function count(key, window)
  local n = redis.call('INCR', key)
  if redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, window) end
  return n
end
local function used(key, window)
  if redis.call('TTL', key) == -1 then redis.call('EXPIRE', key, window) end
  return tonumber(redis.call('GET', key) or '0')
end
local function wait(key)
  return math.max(redis.call('TTL', key), 1)
end
local resend = tonumber(ARGV[1])
if resend > 0 and redis.call('EXISTS', KEYS[1]) == 1 then return {'too_soon', wait(KEYS[1])} end
if count(KEYS[2], 3600) > tonumber(ARGV[2]) then return {'ip_hourly_limit', wait(KEYS[2])} end
if used(KEYS[3], 86400) >= tonumber(ARGV[3]) then return {'phone_daily_limit', wait(KEYS[3])} end
if used(KEYS[4], 3600) >= tonumber(ARGV[4]) then return {'global_hourly_limit', wait(KEYS[4])} end
count(KEYS[3], 86400)
count(KEYS[4], 3600)
if resend > 0 then redis.call('SET', KEYS[1], '1', 'EX', resend) end
redis.call('DEL', KEYS[5])
redis.call('HSET', KEYS[5], 'hash', ARGV[6], 'attempts', 0)
redis.call('EXPIRE', KEYS[5], tonumber(ARGV[5]))
return {'ok', 0}
`

/**
 * Counts one attempt at a code and compares it in the same step, so parallel guesses
 * cannot all be compared: past the limit the code is destroyed unread, a right one is
 * consumed, and the last allowed wrong one destroys it. Writes only to a code that
 * exists (HINCRBY keeps its expiry). Comparing SHA-256 hex strings leaks nothing useful.
 * KEYS: code. ARGV: maxAttempts, hash of the submitted code. Returns {verdict, attempts}.
 */
const COUNT_ATTEMPT_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'expired', 0} end
local max = tonumber(ARGV[1])
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
if attempts > max then
  redis.call('DEL', KEYS[1])
  return {'locked', attempts}
end
if redis.call('HGET', KEYS[1], 'hash') == ARGV[2] then
  redis.call('DEL', KEYS[1])
  return {'ok', attempts}
end
if attempts >= max then
  redis.call('DEL', KEYS[1])
  return {'locked', attempts}
end
return {'mismatch', attempts}
`

type RedisWithOtpScripts = Redis & {
  otpIssue(...args: (string | number)[]): Promise<[string, number]>
  otpCountAttempt(...args: (string | number)[]): Promise<[string, number]>
}

/**
 * One-time SMS codes in Redis: only a hash of the code is kept, it expires after five
 * minutes, five wrong tries destroy it, and requests are limited per phone, per address
 * and in total per hour (the SMS bill). All counting happens in Redis scripts.
 */
export class OtpStore {
  private readonly redis: RedisWithOtpScripts

  constructor(
    redis: Redis,
    private readonly limits: OtpLimits = DEFAULT_OTP_LIMITS,
    private readonly prefix = "otp"
  ) {
    redis.defineCommand("otpIssue", { numberOfKeys: 5, lua: ISSUE_SCRIPT })
    redis.defineCommand("otpCountAttempt", { numberOfKeys: 1, lua: COUNT_ATTEMPT_SCRIPT })
    this.redis = redis as RedisWithOtpScripts
  }

  private key(...parts: string[]) {
    return [this.prefix, ...parts].join(":")
  }

  /** `address` is the requester's address bucket (see lib/http/client-address). */
  async issue(phone: string, purpose: OtpPurpose, address: string): Promise<IssueResult> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
    const [verdict, retryAfterSeconds] = await this.redis.otpIssue(
      this.key("cooldown", phone),
      this.key("ip", address),
      this.key("daily", phone),
      this.key("global-hourly"),
      this.key("code", purpose, phone),
      this.limits.resendSeconds,
      this.limits.perIpPerHour,
      this.limits.perPhonePerDay,
      this.limits.globalPerHour,
      this.limits.ttlSeconds,
      hash(code).toString("hex")
    )
    if (verdict === "ok") return { ok: true, code, expiresInSeconds: this.limits.ttlSeconds }
    return {
      ok: false,
      reason: verdict as Exclude<IssueResult, { ok: true }>["reason"],
      retryAfterSeconds: Number(retryAfterSeconds),
    }
  }

  /** Checks a code; a correct one is consumed, so it cannot be used twice. */
  async verify(phone: string, purpose: OtpPurpose, code: string): Promise<VerifyResult> {
    // Anything but six digits is counted as a wrong try without matching any hash.
    const submitted = /^\d{6}$/.test(code) ? hash(code).toString("hex") : "-"
    const [verdict, attempts] = await this.redis.otpCountAttempt(
      this.key("code", purpose, phone),
      this.limits.maxAttempts,
      submitted
    )
    if (verdict === "ok") return { ok: true }
    if (verdict === "mismatch") {
      return { ok: false, reason: "mismatch", attemptsLeft: this.limits.maxAttempts - attempts }
    }
    return { ok: false, reason: verdict === "locked" ? "locked" : "expired" }
  }
}
