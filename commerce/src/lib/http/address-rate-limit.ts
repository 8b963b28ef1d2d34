import Redis from "ioredis"

/** Counts and expires in one step, so parallel requests can never miss the window's TTL. */
const COUNT_IN_WINDOW = `
local count = redis.call("INCR", KEYS[1])
if count == 1 or redis.call("TTL", KEYS[1]) < 0 then
  redis.call("EXPIRE", KEYS[1], ARGV[1])
end
return { count, redis.call("TTL", KEYS[1]) }
`

export type RateLimitVerdict = { allowed: boolean; retryAfterSeconds: number }

/** A fixed-window counter per key in Redis: `max` requests per `windowSeconds`. */
export class AddressRateLimit {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly max: number,
    private readonly windowSeconds: number
  ) {}

  async take(key: string): Promise<RateLimitVerdict> {
    const [count, ttl] = (await this.redis.eval(
      COUNT_IN_WINDOW,
      1,
      `${this.prefix}:${key}`,
      String(this.windowSeconds)
    )) as [number, number]
    return { allowed: count <= this.max, retryAfterSeconds: Math.max(1, ttl) }
  }
}

let redis: Redis | undefined

/** A limiter on REDIS_URL under the app's key prefix, sharing one connection per process. */
export function addressRateLimitFromEnv(name: string, max: number, windowSeconds: number) {
  redis ??= new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
    maxRetriesPerRequest: 3,
  })
  return new AddressRateLimit(
    redis,
    `${process.env.QUEUE_PREFIX || "health"}:limit:${name}`,
    max,
    windowSeconds
  )
}
