/**
 * Next's data and page cache in Redis, so every web server reads what another rendered and
 * a revalidateTag on one server expires the entry on all of them (next.config.ts turns it
 * on when NEXT_CACHE_REDIS_URL or REDIS_URL is set). CommonJS, because Next loads it as it
 * is, and the web's jest runs it untransformed.
 *
 * Redis keys, under NEXT_CACHE_PREFIX (default "health-web:") and a namespace of the build
 * and the back ends it renders from (two stacks sharing one Redis never read each other's
 * pages; a new build never serves the previous one's):
 *   <prefix><namespace>:entry:<cache key>  the entry, JSON with Buffers and Maps tagged
 *   <prefix>tags                           hash: tag → {"stale": ms, "expired": ms}
 * Tag times are wall-clock milliseconds: servers sharing a cache need synchronised clocks.
 */
const { createHash } = require("node:crypto")
const { readFileSync } = require("node:fs")
const path = require("node:path")
const Redis = require("ioredis")

const TAGS_HEADER = "x-next-cache-tags"
// Data without a lifetime of its own is dropped after a week, so Redis does not fill up.
const DEFAULT_TTL_SECONDS = 7 * 24 * 3600

function redisUrlFromEnv(env = process.env) {
  return env.NEXT_CACHE_REDIS_URL || env.REDIS_URL || ""
}

function readBuildId(distDir) {
  try {
    return readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim()
  } catch {
    return "dev"
  }
}

/** The part of every entry key that keeps builds and deployments apart. */
function cacheNamespace({ buildId, env = process.env }) {
  const backends = [env.MEDUSA_BACKEND_URL || "", env.CMS_URL || ""].join("|")
  const deployment = createHash("sha256").update(backends).digest("hex").slice(0, 12)
  return `${buildId}:${deployment}`
}

/** JSON that keeps Buffers (page HTML, RSC payloads, route bodies) and Maps (segments). */
function serialize(value) {
  return JSON.stringify(value, function replace(key, item) {
    const original = this[key]
    if (Buffer.isBuffer(original)) return { $buffer: original.toString("base64") }
    if (original instanceof Map) return { $map: [...original.entries()] }
    return item
  })
}

function deserialize(text) {
  return JSON.parse(text, (_key, item) => {
    if (item && typeof item === "object") {
      if (typeof item.$buffer === "string") return Buffer.from(item.$buffer, "base64")
      if (Array.isArray(item.$map)) return new Map(item.$map)
    }
    return item
  })
}

/** The tags an entry answers to: a fetch's own and implicit ones, a page's from its header. */
function tagsOf(value, ctx) {
  const tags = new Set()
  if (value?.kind === "FETCH") {
    for (const tag of value.tags || []) tags.add(tag)
  } else {
    const header = value?.headers?.[TAGS_HEADER]
    if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag)
  }
  for (const tag of ctx?.tags || []) tags.add(tag)
  for (const tag of ctx?.softTags || []) tags.add(tag)
  return [...tags]
}

/**
 * How long Redis keeps an entry: a page until its `expire`, data a week past its revalidate
 * (stale data is still served while it is fetched again).
 */
function ttlSeconds(value, ctx) {
  const expire = ctx?.cacheControl?.expire
  if (typeof expire === "number" && expire > 0) return Math.ceil(expire)
  const revalidate = value?.kind === "FETCH" ? value.revalidate : ctx?.cacheControl?.revalidate
  if (typeof revalidate === "number" && revalidate > 0) return revalidate + DEFAULT_TTL_SECONDS
  return DEFAULT_TTL_SECONDS
}

let sharedClient = null
let warned = false

function clientFor(url) {
  if (!sharedClient) {
    sharedClient = new Redis(url, {
      // A cache that cannot answer quickly is a miss: the page renders fresh instead of waiting.
      maxRetriesPerRequest: 1,
      commandTimeout: 2000,
      enableOfflineQueue: true,
    })
    sharedClient.on("error", (error) => warnOnce("connection", error))
  }
  return sharedClient
}

function warnOnce(what, error) {
  if (warned) return
  warned = true
  console.warn(
    `next-cache-redis: ${what} failed, serving without the shared cache: ${error.message}`
  )
}

class RedisCacheHandler {
  /**
   * @param {{ serverDistDir?: string, revalidatedTags?: string[] }} ctx Next's handler context
   * @param {{ redis?: import("ioredis").Redis, prefix?: string, namespace?: string }} [options]
   *   for tests: their own client and keys
   */
  constructor(ctx = {}, options = {}) {
    this.redis = options.redis || clientFor(redisUrlFromEnv())
    this.prefix = options.prefix ?? (process.env.NEXT_CACHE_PREFIX || "health-web:")
    const distDir = ctx.serverDistDir ? path.dirname(ctx.serverDistDir) : ".next"
    this.namespace = options.namespace ?? cacheNamespace({ buildId: readBuildId(distDir) })
    this.revalidatedTags = ctx.revalidatedTags || []
  }

  entryKey(cacheKey) {
    return `${this.prefix}${this.namespace}:entry:${cacheKey}`
  }

  get tagsKey() {
    return `${this.prefix}tags`
  }

  async get(cacheKey, ctx) {
    let stored
    try {
      const text = await this.redis.get(this.entryKey(cacheKey))
      if (!text) return null
      stored = deserialize(text)
    } catch (error) {
      warnOnce("get", error)
      return null
    }
    const tags = tagsOf(stored.value, ctx)
    // Tags revalidated by this very request (on-demand revalidation) never serve stale data.
    if (tags.some((tag) => this.revalidatedTags.includes(tag))) return null
    const state = await this.tagState(tags, stored.lastModified)
    if (state === "expired") return null
    return {
      lastModified: state === "stale" ? 1 : stored.lastModified,
      value: stored.value,
      cacheControl: stored.cacheControl,
    }
  }

  /** "expired" when a tag expired after the entry was written, "stale" when marked stale. */
  async tagState(tags, lastModified) {
    if (tags.length === 0) return "fresh"
    let times
    try {
      times = await this.redis.hmget(this.tagsKey, ...tags)
    } catch (error) {
      warnOnce("tag read", error)
      return "expired"
    }
    return this.judge(times, lastModified)
  }

  judge(times, lastModified) {
    const now = Date.now()
    let result = "fresh"
    for (const text of times) {
      if (!text) continue
      const { stale, expired } = JSON.parse(text)
      if (typeof expired === "number" && expired <= now && expired > lastModified) return "expired"
      if (typeof stale === "number" && stale > lastModified) result = "stale"
    }
    return result
  }

  async set(cacheKey, data, ctx) {
    const stored = {
      lastModified: Date.now(),
      value: data,
      // A page's lifetime travels with it, so a server that did not render it serves it right.
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
    }
    try {
      await this.redis.set(this.entryKey(cacheKey), serialize(stored), "EX", ttlSeconds(data, ctx))
    } catch (error) {
      warnOnce("set", error)
    }
  }

  /**
   * Without durations a tag expires now; with them (revalidateTag(tag, profile)) it turns
   * stale now and expires after `expire` seconds, as Next's own file-system cache does.
   */
  async revalidateTag(tags, durations) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean)
    if (list.length === 0) return
    const now = Date.now()
    const previous = await this.redis.hmget(this.tagsKey, ...list)
    const updates = {}
    list.forEach((tag, index) => {
      const before = previous[index] ? JSON.parse(previous[index]) : {}
      const next = durations ? { ...before, stale: now } : { ...before, expired: now }
      if (durations?.expire !== undefined) next.expired = now + durations.expire * 1000
      updates[tag] = JSON.stringify(next)
    })
    await this.redis.hset(this.tagsKey, updates)
  }

  resetRequestCache() {}
}

module.exports = RedisCacheHandler
module.exports.default = RedisCacheHandler
module.exports.redisUrlFromEnv = redisUrlFromEnv
module.exports.cacheNamespace = cacheNamespace
