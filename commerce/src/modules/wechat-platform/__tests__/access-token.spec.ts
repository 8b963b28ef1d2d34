import { randomUUID } from "node:crypto"
import Redis from "ioredis"
import { startWechatStandin } from "../../../../integration-tests/helpers/wechat-standin"
import { accessToken } from "../access-token"
import { redisTokenCache } from "../token-cache"

jest.setTimeout(30_000)

describe("the WeChat access token kept in Redis (against the local stand-in)", () => {
  const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
  const prefix = `test-${randomUUID()}:wechat-token`
  const cache = redisTokenCache(redis, prefix)
  let standin: Awaited<ReturnType<typeof startWechatStandin>>
  let config: { apiBase: string; appid: string; secret: string }

  beforeEach(async () => {
    standin = await startWechatStandin()
    config = { apiBase: standin.url, appid: "wx-dev-appid", secret: "wx-dev-secret" }
  })

  afterEach(() => {
    standin.process.kill()
  })

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  const tokenCalls = async () =>
    (
      (await (await fetch(`${standin.url}/__standin/stable-token-calls`)).json()) as {
        calls: unknown[]
      }
    ).calls.length
  const key = () => `${prefix}:${config.appid}|${config.apiBase}`

  it("stores the token until a minute before WeChat's expiry", async () => {
    const token = await accessToken(config, undefined, cache)
    expect(await redis.get(key())).toBe(token)
    // expires_in 7200: kept 7140 s (a little less by the time it is read).
    const ttl = await redis.pttl(key())
    expect(ttl).toBeGreaterThan(7130_000)
    expect(ttl).toBeLessThanOrEqual(7140_000)
    expect(await tokenCalls()).toBe(1)
  })

  it("answers the token another process stored without asking WeChat", async () => {
    await redis.set(key(), "token-of-another-process", "PX", 60_000)
    expect(await accessToken(config, undefined, cache)).toBe("token-of-another-process")
    expect(await tokenCalls()).toBe(0)
  })

  it("replaces a refused token in Redis with the one WeChat hands out now", async () => {
    await redis.set(key(), "refused-token", "PX", 60_000)
    const fresh = await accessToken(config, "refused-token", cache)
    expect(fresh).not.toBe("refused-token")
    expect(await redis.get(key())).toBe(fresh)
    expect(await tokenCalls()).toBe(1)
  })
})
