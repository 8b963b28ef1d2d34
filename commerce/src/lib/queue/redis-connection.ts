import Redis, { RedisOptions } from "ioredis"

/**
 * The one ioredis configuration used by every queue and worker.
 * BullMQ workers block on Redis, so retries per request must be unlimited.
 */
export function createRedisConnection(redisUrl: string, overrides: RedisOptions = {}): Redis {
  return new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    ...overrides,
  })
}
