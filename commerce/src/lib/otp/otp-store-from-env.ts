import Redis from "ioredis"
import { DEFAULT_OTP_LIMITS, type OtpLimits, OtpStore } from "./otp-store"

let shared: OtpStore | undefined

/** SMS_GLOBAL_HOURLY_LIMIT (codes per hour to all numbers together), default 1000. */
export function otpLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): OtpLimits {
  const raw = env.SMS_GLOBAL_HOURLY_LIMIT?.trim()
  if (!raw) return DEFAULT_OTP_LIMITS
  const globalPerHour = Number(raw)
  if (!Number.isInteger(globalPerHour) || globalPerHour < 1) {
    console.warn(`SMS_GLOBAL_HOURLY_LIMIT "${raw}" is not a positive whole number; using 1000`)
    return DEFAULT_OTP_LIMITS
  }
  return { ...DEFAULT_OTP_LIMITS, globalPerHour }
}

/** The process-wide code store on REDIS_URL, shared by the SMS route and the phone auth provider. */
export function otpStoreFromEnv(): OtpStore {
  if (!shared) {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
      maxRetriesPerRequest: 3,
    })
    shared = new OtpStore(redis, otpLimitsFromEnv(), `${process.env.QUEUE_PREFIX || "health"}:otp`)
  }
  return shared
}
