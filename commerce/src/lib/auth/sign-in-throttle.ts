import Redis from "ioredis"

export type SignInLimits = {
  /** Wrong passwords for one account before it is locked for `lockSeconds`. */
  perAccount: number
  /** Wrong passwords from one address per hour, across accounts (password spraying). */
  perIpPerHour: number
  lockSeconds: number
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAccount: 5,
  perIpPerHour: 30,
  lockSeconds: 15 * 60,
}

/**
 * Counts failed password sign-ins per account and per IP in Redis. Past a limit the
 * account (or the address) is refused for a while, even with the right password, so
 * guessing costs hours instead of seconds. A success clears the account's count.
 */
export class SignInThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly prefix = "signin"
  ) {}

  private accountKey = (account: string) => `${this.prefix}:account:${account}`
  private ipKey = (ip: string) => `${this.prefix}:ip:${ip}`

  /** Seconds until the account and address may try again; 0 when they may now. */
  async retryAfter(account: string, ip: string): Promise<number> {
    const [[, accountFailures], [, accountTtl], [, ipFailures], [, ipTtl]] = (await this.redis
      .multi()
      .get(this.accountKey(account))
      .ttl(this.accountKey(account))
      .get(this.ipKey(ip))
      .ttl(this.ipKey(ip))
      .exec()) as [null, string | number | null][]
    let wait = 0
    if (Number(accountFailures) >= this.limits.perAccount) wait = Math.max(wait, Number(accountTtl))
    if (Number(ipFailures) >= this.limits.perIpPerHour) wait = Math.max(wait, Number(ipTtl))
    return Math.max(wait, 0)
  }

  async recordFailure(account: string, ip: string) {
    await this.redis
      .multi()
      .incr(this.accountKey(account))
      .expire(this.accountKey(account), this.limits.lockSeconds)
      .incr(this.ipKey(ip))
      .expire(this.ipKey(ip), 3600, "NX")
      .exec()
  }

  async recordSuccess(account: string) {
    await this.redis.del(this.accountKey(account))
  }
}

let shared: SignInThrottle | undefined

/** The process-wide throttle on REDIS_URL, under the app's queue prefix. */
export function signInThrottleFromEnv(): SignInThrottle {
  if (!shared) {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
      maxRetriesPerRequest: 3,
    })
    shared = new SignInThrottle(redis, undefined, `${process.env.QUEUE_PREFIX || "health"}:signin`)
  }
  return shared
}
