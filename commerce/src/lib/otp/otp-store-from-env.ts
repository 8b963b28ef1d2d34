import Redis from "ioredis"
import { OtpStore } from "./otp-store"

let shared: OtpStore | undefined

/** The process-wide code store on REDIS_URL, shared by the SMS route and the phone auth provider. */
export function otpStoreFromEnv(): OtpStore {
  if (!shared) {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
      maxRetriesPerRequest: 3,
    })
    shared = new OtpStore(redis, undefined, `${process.env.QUEUE_PREFIX || "health"}:otp`)
  }
  return shared
}
