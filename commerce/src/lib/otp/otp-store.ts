import { createHash, randomInt, timingSafeEqual } from "crypto"
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
  /** Codes requested from one IP address per hour. */
  perIpPerHour: number
}

export const DEFAULT_OTP_LIMITS: OtpLimits = {
  ttlSeconds: 300,
  maxAttempts: 5,
  resendSeconds: 60,
  perPhonePerDay: 10,
  perIpPerHour: 30,
}

export type IssueResult =
  | { ok: true; code: string; expiresInSeconds: number }
  | {
      ok: false
      reason: "too_soon" | "phone_daily_limit" | "ip_hourly_limit"
      retryAfterSeconds: number
    }

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: "expired" | "mismatch" | "locked"; attemptsLeft?: number }

const hash = (code: string) => createHash("sha256").update(code).digest()

/**
 * One-time SMS codes in Redis: only a hash of the code is kept, it expires after five
 * minutes, five wrong tries destroy it, and requests are limited per phone and per IP.
 */
export class OtpStore {
  constructor(
    private readonly redis: Redis,
    private readonly limits: OtpLimits = DEFAULT_OTP_LIMITS,
    private readonly prefix = "otp"
  ) {}

  private key(...parts: string[]) {
    return [this.prefix, ...parts].join(":")
  }

  /** Counts one use of a fixed window; returns the count and the seconds the window has left. */
  private async hit(key: string, windowSeconds: number): Promise<{ count: number; ttl: number }> {
    const [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [
      [null, number],
      [null, number],
    ]
    if (ttl < 0) {
      await this.redis.expire(key, windowSeconds)
      return { count, ttl: windowSeconds }
    }
    return { count, ttl }
  }

  async issue(phone: string, purpose: OtpPurpose, ip: string): Promise<IssueResult> {
    if (this.limits.resendSeconds > 0) {
      const cooldown = this.key("cooldown", phone)
      const cooling = await this.redis.set(cooldown, "1", "EX", this.limits.resendSeconds, "NX")
      if (cooling === null) {
        return {
          ok: false,
          reason: "too_soon",
          retryAfterSeconds: Math.max(await this.redis.ttl(cooldown), 1),
        }
      }
    }
    const byIp = await this.hit(this.key("ip", ip), 3600)
    if (byIp.count > this.limits.perIpPerHour) {
      return { ok: false, reason: "ip_hourly_limit", retryAfterSeconds: byIp.ttl }
    }
    const byPhone = await this.hit(this.key("daily", phone), 24 * 3600)
    if (byPhone.count > this.limits.perPhonePerDay) {
      return { ok: false, reason: "phone_daily_limit", retryAfterSeconds: byPhone.ttl }
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
    const codeKey = this.key("code", purpose, phone)
    await this.redis
      .multi()
      .hset(codeKey, { hash: hash(code).toString("hex"), attempts: 0 })
      .expire(codeKey, this.limits.ttlSeconds)
      .exec()
    return { ok: true, code, expiresInSeconds: this.limits.ttlSeconds }
  }

  /** Checks a code; a correct one is consumed, so it cannot be used twice. */
  async verify(phone: string, purpose: OtpPurpose, code: string): Promise<VerifyResult> {
    const codeKey = this.key("code", purpose, phone)
    const stored = await this.redis.hgetall(codeKey)
    if (!stored.hash) return { ok: false, reason: "expired" }
    const expected = Buffer.from(stored.hash, "hex")
    if (/^\d{6}$/.test(code) && timingSafeEqual(expected, hash(code))) {
      // Only one of two simultaneous correct submissions may win.
      const deleted = await this.redis.del(codeKey)
      return deleted === 1 ? { ok: true } : { ok: false, reason: "expired" }
    }
    const attempts = await this.redis.hincrby(codeKey, "attempts", 1)
    if (attempts >= this.limits.maxAttempts) {
      await this.redis.del(codeKey)
      return { ok: false, reason: "locked" }
    }
    return { ok: false, reason: "mismatch", attemptsLeft: this.limits.maxAttempts - attempts }
  }
}
