import { randomUUID } from "crypto"
import Redis from "ioredis"
import { DEFAULT_OTP_LIMITS, OtpStore } from "../otp-store"

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"

describe("OtpStore against real Redis", () => {
  let redis: Redis
  let prefix: string
  let store: OtpStore
  const phone = "+8613800138000"

  beforeEach(() => {
    redis = new Redis(redisUrl)
    prefix = `otp-test-${randomUUID()}`
    store = new OtpStore(redis, DEFAULT_OTP_LIMITS, prefix)
  })

  afterEach(async () => {
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  const issued = async (target = phone, ip = "10.0.0.1") => {
    const result = await store.issue(target, "login", ip)
    if (!result.ok) throw new Error(`expected a code, got ${result.reason}`)
    return result.code
  }

  it("accepts the right code once and keeps only its hash", async () => {
    const code = await issued()
    expect(code).toMatch(/^\d{6}$/)
    const stored = JSON.stringify(await redis.hgetall(`${prefix}:code:login:${phone}`))
    expect(stored).not.toContain(code)

    expect(await store.verify(phone, "login", code)).toEqual({ ok: true })
    expect(await store.verify(phone, "login", code)).toEqual({ ok: false, reason: "expired" })
  })

  it("does not accept a code issued for another purpose", async () => {
    const code = await issued()
    expect(await store.verify(phone, "bind", code)).toEqual({ ok: false, reason: "expired" })
  })

  it("locks the code after five wrong tries, even if the right one comes next", async () => {
    const code = await issued()
    const wrong = code === "000000" ? "111111" : "000000"
    for (let left = 4; left >= 1; left--) {
      expect(await store.verify(phone, "login", wrong)).toEqual({
        ok: false,
        reason: "mismatch",
        attemptsLeft: left,
      })
    }
    expect(await store.verify(phone, "login", wrong)).toEqual({ ok: false, reason: "locked" })
    expect(await store.verify(phone, "login", code)).toEqual({ ok: false, reason: "expired" })
  })

  it("expires codes after their time to live", async () => {
    const shortLived = new OtpStore(redis, { ...DEFAULT_OTP_LIMITS, ttlSeconds: 1 }, prefix)
    const result = await shortLived.issue(phone, "login", "10.0.0.1")
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await shortLived.verify(phone, "login", (result as { code: string }).code)).toEqual({
      ok: false,
      reason: "expired",
    })
  })

  it("refuses a second code within a minute and tells when to retry", async () => {
    await issued()
    const again = await store.issue(phone, "login", "10.0.0.1")
    expect(again).toMatchObject({ ok: false, reason: "too_soon" })
    expect((again as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(50)
  })

  it("limits codes per phone per day and per IP per hour", async () => {
    const limited = new OtpStore(
      redis,
      { ...DEFAULT_OTP_LIMITS, resendSeconds: 0, perPhonePerDay: 2, perIpPerHour: 3 },
      prefix
    )
    const noCooldown = (target: string, ip: string) => limited.issue(target, "login", ip)
    expect((await noCooldown(phone, "1.1.1.1")).ok).toBe(true)
    expect((await noCooldown(phone, "1.1.1.2")).ok).toBe(true)
    expect(await noCooldown(phone, "1.1.1.3")).toMatchObject({
      ok: false,
      reason: "phone_daily_limit",
    })

    expect((await noCooldown("+8613900000001", "2.2.2.2")).ok).toBe(true)
    expect((await noCooldown("+8613900000002", "2.2.2.2")).ok).toBe(true)
    expect((await noCooldown("+8613900000003", "2.2.2.2")).ok).toBe(true)
    expect(await noCooldown("+8613900000004", "2.2.2.2")).toMatchObject({
      ok: false,
      reason: "ip_hourly_limit",
    })
  })

  it("lets only one of two simultaneous correct submissions through", async () => {
    const code = await issued()
    const results = await Promise.all([
      store.verify(phone, "login", code),
      store.verify(phone, "login", code),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })
})
