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

  /** 20 guesses sent at once, the right code at `rightAt`, the rest wrong. */
  const parallelGuesses = async (code: string, rightAt: number) => {
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0")
    const guesses = Array.from({ length: 20 }, (_, i) => (i === rightAt ? code : wrong(i)))
    return Promise.all(guesses.map((guess) => store.verify(phone, "login", guess)))
  }

  it("compares only the first five of 20 parallel guesses: the right code as the sixth is refused", async () => {
    const results = await parallelGuesses(await issued(), 5)
    expect(results.filter((r) => r.ok)).toHaveLength(0)
    expect(results.slice(0, 4).map((r) => !r.ok && r.attemptsLeft)).toEqual([4, 3, 2, 1])
    expect(results[4]).toEqual({ ok: false, reason: "locked" })
  })

  it("still compares the fifth of 20 parallel guesses", async () => {
    const results = await parallelGuesses(await issued(), 4)
    expect(results[4]).toEqual({ ok: true })
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  it("refuses the right code after 20 parallel wrong guesses", async () => {
    const code = await issued()
    const results = await parallelGuesses(code, -1)
    expect(results.filter((r) => !r.ok && r.reason === "mismatch")).toHaveLength(4)
    expect(await store.verify(phone, "login", code)).toEqual({ ok: false, reason: "expired" })
  })

  it("gives every key it writes a time to live, under parallel guesses and refusals too", async () => {
    const limited = new OtpStore(
      redis,
      { ...DEFAULT_OTP_LIMITS, perPhonePerDay: 1, perIpPerHour: 2, globalPerHour: 3 },
      prefix
    )
    const everyKeyExpires = async () => {
      const keys = await redis.keys(`${prefix}:*`)
      const ttls = await Promise.all(keys.map(async (key) => [key, await redis.ttl(key)]))
      expect(ttls.filter(([, ttl]) => Number(ttl) <= 0)).toEqual([])
      return keys.length
    }
    await limited.issue(phone, "login", "10.0.0.1")
    // Guesses a moment apart, each starting while earlier ones are still in flight.
    const inFlight: Promise<unknown>[] = []
    for (let i = 0; i < 20; i++) {
      inFlight.push(limited.verify(phone, "login", "123456"))
      await new Promise((resolve) => setImmediate(resolve))
    }
    await Promise.all(inFlight)
    expect(await everyKeyExpires()).toBeGreaterThanOrEqual(3)
    await limited.issue(phone, "bind", "10.0.0.1")
    await redis.del(`${prefix}:cooldown:${phone}`)
    await limited.issue(phone, "login", "10.0.0.2")
    await limited.issue("+8613800138001", "login", "10.0.0.1")
    await limited.issue("+8613800138002", "login", "10.0.0.3")
    expect(await everyKeyExpires()).toBeGreaterThanOrEqual(4)
  })

  it("stops texting anyone once the hourly budget for all numbers is spent", async () => {
    const budget = new OtpStore(redis, { ...DEFAULT_OTP_LIMITS, globalPerHour: 2 }, prefix)
    expect((await budget.issue("+8613900000011", "login", "3.3.3.1")).ok).toBe(true)
    expect((await budget.issue("+8613900000012", "login", "3.3.3.2")).ok).toBe(true)
    const third = await budget.issue("+8613900000013", "login", "3.3.3.3")
    expect(third).toMatchObject({ ok: false, reason: "global_hourly_limit" })
    expect((third as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3500)
    // A refusal does not start the number's resend pause nor spend its daily allowance.
    expect(await redis.exists(`${prefix}:cooldown:+8613900000013`)).toBe(0)
    expect(await redis.exists(`${prefix}:daily:+8613900000013`)).toBe(0)
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
