import Redis from "ioredis"

/** Where access tokens are kept between calls: shared by every process on one Redis. */
export type TokenCache = {
  get(key: string): Promise<string | null>
  set(key: string, token: string, ttlMs: number): Promise<void>
}

/** Tokens as Redis strings under `prefix`, expiring with them. */
export function redisTokenCache(redis: Redis, prefix: string): TokenCache {
  return {
    get: (key) => redis.get(`${prefix}:${key}`),
    set: async (key, token, ttlMs) => {
      await redis.set(`${prefix}:${key}`, token, "PX", ttlMs)
    },
  }
}

let shared: { redis: Redis; cache: TokenCache } | undefined

/**
 * The process-wide token cache on REDIS_URL, under QUEUE_PREFIX like the other Redis keys
 * of the app (a test app gets its own prefix). Used by the module service and by the
 * auth and notification providers, which cannot resolve the module from their container.
 */
export function sharedTokenCache(env: NodeJS.ProcessEnv = process.env): TokenCache {
  if (!shared) {
    const redis = new Redis(env.REDIS_URL || "redis://127.0.0.1:6379", { maxRetriesPerRequest: 3 })
    shared = {
      redis,
      cache: redisTokenCache(redis, `${env.QUEUE_PREFIX || "health"}:wechat-token`),
    }
  }
  return shared.cache
}

/** Closes the shared cache's connection (tests; the app keeps it for its lifetime). */
export async function closeSharedTokenCache(): Promise<void> {
  const current = shared
  shared = undefined
  await current?.redis.quit()
}
