import Redis from "ioredis"

export type SignInLimits = {
  /** Attempts one address may make at one account before it has to wait. */
  freeAttempts: number
  /** The first wait; each further attempt from that address doubles it. */
  baseDelaySeconds: number
  maxDelaySeconds: number
  /** How long an account + address pair's failures are remembered after the last one. */
  memorySeconds: number
  /** Unsuccessful attempts from one address per hour across all accounts (password spraying). */
  perAddressPerHour: number
}

/** Members: 5 free tries, then 1 s, 2 s, 4 s … up to 15 minutes between tries. */
export const MEMBER_SIGN_IN_LIMITS: SignInLimits = {
  freeAttempts: 5,
  baseDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  memorySeconds: 24 * 3600,
  perAddressPerHour: 30,
}

/** Staff accounts open the admin: fewer tries, longer waits, a smaller budget per address. */
export const STAFF_SIGN_IN_LIMITS: SignInLimits = {
  freeAttempts: 3,
  baseDelaySeconds: 2,
  maxDelaySeconds: 60 * 60,
  memorySeconds: 24 * 3600,
  perAddressPerHour: 10,
}

export type Reservation =
  | { allowed: true }
  | { allowed: false; reason: "account" | "address"; retryAfterSeconds: number }

/**
 * Checks the waits and, if none applies, counts the attempt, in one step so parallel
 * requests cannot all pass the check before any is counted. Reaching the free attempts
 * starts a wait that doubles with every further attempt from the same address.
 * KEYS: pair count, pair wait, address count.
 * ARGV: freeAttempts, baseDelay, maxDelay, memory, perAddressPerHour.
 */
const RESERVE_SCRIPT = `
local wait = redis.call('PTTL', KEYS[2])
if wait > 0 then return {0, 'account', math.ceil(wait / 1000)} end
if redis.call('TTL', KEYS[3]) == -1 then redis.call('EXPIRE', KEYS[3], 3600) end
if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[5]) then
  return {0, 'address', math.max(redis.call('TTL', KEYS[3]), 1)}
end
redis.call('INCR', KEYS[3])
if redis.call('TTL', KEYS[3]) < 0 then redis.call('EXPIRE', KEYS[3], 3600) end
local attempts = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
local free = tonumber(ARGV[1])
if attempts >= free then
  local delay = math.min(tonumber(ARGV[2]) * 2 ^ (attempts - free), tonumber(ARGV[3]))
  redis.call('SET', KEYS[2], '1', 'EX', math.floor(delay))
end
return {1, '', 0}
`

/**
 * A failed attempt restarts the pair's wait from now, so the wait is counted from the
 * answer, not from when the (slow) password check began.
 * KEYS: pair count, pair wait. ARGV: freeAttempts, baseDelay, maxDelay.
 */
const FAILED_SCRIPT = `
local attempts = tonumber(redis.call('GET', KEYS[1]) or '0')
local free = tonumber(ARGV[1])
if attempts >= free then
  local delay = math.min(tonumber(ARGV[2]) * 2 ^ (attempts - free), tonumber(ARGV[3]))
  redis.call('SET', KEYS[2], '1', 'EX', math.floor(delay))
end
`

/** A success forgets the pair's failures and gives the address its attempt back. */
const SUCCEEDED_SCRIPT = `
redis.call('DEL', KEYS[1], KEYS[2])
if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
`

type RedisWithSignInScripts = Redis & {
  signInReserve(...args: (string | number)[]): Promise<[number, string, number]>
  signInFailed(...args: (string | number)[]): Promise<unknown>
  signInSucceeded(...keys: string[]): Promise<unknown>
}

/**
 * Password attempts counted per account + address in Redis. Every attempt is reserved
 * before the password is checked; a success clears the pair. Someone guessing from one
 * address waits longer after each wrong try, while the owner elsewhere is unaffected, and
 * one address can fail only so often across all accounts. Every key expires.
 */
export class SignInThrottle {
  private readonly redis: RedisWithSignInScripts

  constructor(
    redis: Redis,
    private readonly limits: SignInLimits,
    private readonly prefix: string
  ) {
    redis.defineCommand("signInReserve", { numberOfKeys: 3, lua: RESERVE_SCRIPT })
    redis.defineCommand("signInFailed", { numberOfKeys: 2, lua: FAILED_SCRIPT })
    redis.defineCommand("signInSucceeded", { numberOfKeys: 3, lua: SUCCEEDED_SCRIPT })
    this.redis = redis as RedisWithSignInScripts
  }

  private keys(account: string, address: string): [string, string, string] {
    const pair = `${account}|${address}`
    return [
      `${this.prefix}:pair:${pair}`,
      `${this.prefix}:wait:${pair}`,
      `${this.prefix}:address:${address}`,
    ]
  }

  /** Counts an attempt if the pair and the address may try now; otherwise says how long to wait. */
  async reserve(account: string, address: string): Promise<Reservation> {
    const { freeAttempts, baseDelaySeconds, maxDelaySeconds, memorySeconds, perAddressPerHour } =
      this.limits
    const [allowed, reason, wait] = await this.redis.signInReserve(
      ...this.keys(account, address),
      freeAttempts,
      baseDelaySeconds,
      maxDelaySeconds,
      memorySeconds,
      perAddressPerHour
    )
    if (allowed === 1) return { allowed: true }
    return {
      allowed: false,
      reason: reason === "address" ? "address" : "account",
      retryAfterSeconds: Number(wait),
    }
  }

  async failed(account: string, address: string) {
    const [pair, wait] = this.keys(account, address)
    const { freeAttempts, baseDelaySeconds, maxDelaySeconds } = this.limits
    await this.redis.signInFailed(pair, wait, freeAttempts, baseDelaySeconds, maxDelaySeconds)
  }

  async succeeded(account: string, address: string) {
    await this.redis.signInSucceeded(...this.keys(account, address))
  }
}

let redis: Redis | undefined
const shared = new Map<string, SignInThrottle>()

/** The process-wide throttle of one kind ("member", "staff") on REDIS_URL, under the queue prefix. */
export function signInThrottleFromEnv(kind: "member" | "staff"): SignInThrottle {
  let throttle = shared.get(kind)
  if (!throttle) {
    redis ??= new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
      maxRetriesPerRequest: 3,
    })
    throttle = new SignInThrottle(
      redis,
      kind === "staff" ? STAFF_SIGN_IN_LIMITS : MEMBER_SIGN_IN_LIMITS,
      `${process.env.QUEUE_PREFIX || "health"}:signin:${kind}`
    )
    shared.set(kind, throttle)
  }
  return throttle
}
