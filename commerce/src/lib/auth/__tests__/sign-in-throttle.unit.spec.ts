import { randomUUID } from "crypto"
import Redis from "ioredis"
import { MEMBER_SIGN_IN_LIMITS, SignInThrottle, STAFF_SIGN_IN_LIMITS } from "../sign-in-throttle"

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"

describe("SignInThrottle against real Redis", () => {
  let redis: Redis
  let prefix: string
  let throttle: SignInThrottle

  beforeEach(() => {
    redis = new Redis(redisUrl)
    prefix = `signin-test-${randomUUID()}`
    throttle = new SignInThrottle(redis, MEMBER_SIGN_IN_LIMITS, prefix)
  })

  afterEach(async () => {
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  const parallel = (count: number, account: string, address: string) =>
    Promise.all(Array.from({ length: count }, () => throttle.reserve(account, address)))

  it("lets exactly five of 20 parallel attempts at one account from one address through", async () => {
    const results = await parallel(20, "email:a@health.local", "198.51.100.1")
    expect(results.filter((r) => r.allowed)).toHaveLength(5)
    expect(results.filter((r) => !r.allowed)).toEqual(
      Array(15).fill({ allowed: false, reason: "account", retryAfterSeconds: 1 })
    )
  })

  it("doubles the wait with every further attempt, up to the cap", async () => {
    const short = new SignInThrottle(
      redis,
      { ...MEMBER_SIGN_IN_LIMITS, freeAttempts: 1, maxDelaySeconds: 5 },
      prefix
    )
    const waits: number[] = []
    for (let i = 0; i < 5; i++) {
      expect(await short.reserve("email:b@health.local", "198.51.100.2")).toEqual({ allowed: true })
      waits.push(await redis.ttl(`${prefix}:wait:email:b@health.local|198.51.100.2`))
      await redis.del(`${prefix}:wait:email:b@health.local|198.51.100.2`)
    }
    expect(waits).toEqual([1, 2, 4, 5, 5])
  })

  it("counts a failure's wait from its answer", async () => {
    const slow = new SignInThrottle(
      redis,
      { ...MEMBER_SIGN_IN_LIMITS, freeAttempts: 1, baseDelaySeconds: 2 },
      prefix
    )
    const wait = `${prefix}:wait:email:g@health.local|198.51.100.7`
    await slow.reserve("email:g@health.local", "198.51.100.7")
    await redis.pexpire(wait, 300)
    await slow.failed("email:g@health.local", "198.51.100.7")
    expect(await redis.ttl(wait)).toBe(2)
  })

  it("does not hold one address's failures against the account elsewhere", async () => {
    await parallel(20, "email:c@health.local", "198.51.100.3")
    expect(await throttle.reserve("email:c@health.local", "203.0.113.3")).toEqual({
      allowed: true,
    })
  })

  it("forgets the pair's failures after a success", async () => {
    await parallel(4, "email:d@health.local", "198.51.100.4")
    await throttle.succeeded("email:d@health.local", "198.51.100.4")
    expect(
      (await parallel(5, "email:d@health.local", "198.51.100.4")).every((r) => r.allowed)
    ).toBe(true)
  })

  it("caps attempts across accounts from one address, also in parallel", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        throttle.reserve(`email:u${i}@health.local`, "192.0.2.9")
      )
    )
    expect(results.filter((r) => r.allowed)).toHaveLength(30)
    const refused = results.find((r) => !r.allowed)
    expect(refused).toMatchObject({ reason: "address" })
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3500)
  })

  it("is stricter for staff", async () => {
    const staff = new SignInThrottle(redis, STAFF_SIGN_IN_LIMITS, prefix)
    const results = await Promise.all(
      Array.from({ length: 10 }, () => staff.reserve("email:boss@health.local", "198.51.100.5"))
    )
    expect(results.filter((r) => r.allowed)).toHaveLength(3)
    expect(results.find((r) => !r.allowed)).toEqual({
      allowed: false,
      reason: "account",
      retryAfterSeconds: 2,
    })
  })

  it("gives every key a time to live", async () => {
    await parallel(20, "email:e@health.local", "198.51.100.6")
    await throttle.reserve("email:f@health.local", "198.51.100.6")
    await throttle.succeeded("email:f@health.local", "198.51.100.6")
    const keys = await redis.keys(`${prefix}:*`)
    expect(keys.length).toBe(3)
    for (const key of keys) expect(await redis.ttl(key)).toBeGreaterThan(0)
  })
})
