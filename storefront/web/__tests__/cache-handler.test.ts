/**
 * @jest-environment node
 */
import { randomUUID } from "node:crypto"
import Redis from "ioredis"
import { IncrementalCache } from "next/dist/server/lib/incremental-cache"

// The handler is the file Next loads as it is (CommonJS).
const RedisCacheHandler = require("../cache-handler.cjs")

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const prefix = `test-web-cache-${randomUUID().slice(0, 8)}:`
const clients: Redis[] = []

/** One web server's view of the shared cache: its own Redis connection, the same keys. */
function server(options: { namespace?: string; revalidatedTags?: string[] } = {}) {
  const redis = new Redis(REDIS_URL)
  clients.push(redis)
  return new RedisCacheHandler(
    { revalidatedTags: options.revalidatedTags ?? [] },
    { redis, prefix, namespace: options.namespace ?? "build-1:deployment" }
  )
}

/** Next's own IncrementalCache over the handler, as a web server runs it. */
function nextCache() {
  const redis = new Redis(REDIS_URL)
  clients.push(redis)
  class Handler extends RedisCacheHandler {
    constructor(ctx: unknown) {
      super(ctx, { redis, prefix, namespace: "build-1:deployment" })
    }
  }
  return new IncrementalCache({
    dev: false,
    requestHeaders: {},
    flushToDisk: false,
    maxMemoryCacheSize: 0,
    fetchCacheKeyPrefix: "",
    previewProps: { previewModeId: "x", previewModeSigningKey: "x", previewModeEncryptionKey: "x" },
    prerenderManifest: {
      version: 4,
      routes: {},
      dynamicRoutes: {},
      notFoundRoutes: [],
      preview: { previewModeId: "x", previewModeSigningKey: "x", previewModeEncryptionKey: "x" },
    } as any,
    CurCacheHandler: Handler as any,
  })
}

const fetchValue = (body: string, tags: string[]) => ({
  kind: "FETCH",
  data: { headers: {}, body: Buffer.from(body).toString("base64"), status: 200, url: "" },
  revalidate: 60,
  tags,
})

const fetchContext = (tags: string[], softTags: string[] = []) => ({
  kind: "FETCH",
  revalidate: 60,
  fetchUrl: "http://commerce/store/products",
  fetchIdx: 0,
  tags,
  softTags,
})

afterAll(async () => {
  const cleaner = new Redis(REDIS_URL)
  const keys = await cleaner.keys(`${prefix}*`)
  if (keys.length) await cleaner.del(...keys)
  await cleaner.quit()
  await Promise.all(clients.map((client) => client.quit()))
})

describe("Redis cache handler shared by web servers", () => {
  it("serves a page one server rendered to the other, with its HTML, RSC payload and segments", async () => {
    const first = server()
    const second = server()
    const page = {
      kind: "APP_PAGE",
      html: "<p>体检套餐</p>",
      rscData: Buffer.from([0, 1, 2, 250]),
      segmentData: new Map([["/_tree", Buffer.from("segment")]]),
      headers: { "x-next-cache-tags": "products,_N_T_/products" },
      status: 200,
      postponed: undefined,
    }
    await first.set("/products/$/page", page, {
      cacheControl: { revalidate: 30, expire: 3600 },
    })

    const entry = await second.get("/products/$/page", { kind: "APP_PAGE" })
    expect(entry.value.html).toBe("<p>体检套餐</p>")
    expect(Buffer.isBuffer(entry.value.rscData)).toBe(true)
    expect([...entry.value.rscData]).toEqual([0, 1, 2, 250])
    expect(entry.value.segmentData.get("/_tree").toString()).toBe("segment")
    expect(entry.cacheControl).toEqual({ revalidate: 30, expire: 3600 })
  })

  it("expires a fetch on every server when one server revalidates its tag", async () => {
    const first = server()
    const second = server()
    await first.set("fetch-a", fetchValue("price 100", ["products"]), { fetchCache: true })
    await first.set("fetch-b", fetchValue("articles", ["articles"]), { fetchCache: true })
    expect(await second.get("fetch-a", fetchContext(["products"]))).not.toBeNull()

    await new Promise((resolve) => setTimeout(resolve, 5))
    await first.revalidateTag(["products"], { expire: 0 })

    expect(await second.get("fetch-a", fetchContext(["products"]))).toBeNull()
    expect(await first.get("fetch-a", fetchContext(["products"]))).toBeNull()
    expect(await second.get("fetch-b", fetchContext(["articles"]))).not.toBeNull()
  })

  it("serves data written after the revalidation again", async () => {
    const handler = server()
    await handler.revalidateTag("catalog")
    await new Promise((resolve) => setTimeout(resolve, 5))
    await handler.set("fetch-c", fetchValue("price 120", ["catalog"]), { fetchCache: true })
    const entry = await server().get("fetch-c", fetchContext(["catalog"]))
    expect(Buffer.from(entry.value.data.body, "base64").toString()).toBe("price 120")
  })

  it("expires a page by the tags in its header and a fetch by its path's soft tag", async () => {
    const handler = server()
    await handler.set(
      "/articles/$/page",
      { kind: "APP_PAGE", html: "x", headers: { "x-next-cache-tags": "_N_T_/articles" } },
      { cacheControl: { revalidate: 60 } }
    )
    await handler.set("fetch-d", fetchValue("list", ["cms"]), { fetchCache: true })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await server().revalidateTag("_N_T_/articles")

    expect(await handler.get("/articles/$/page", { kind: "APP_PAGE" })).toBeNull()
    expect(await handler.get("fetch-d", fetchContext(["cms"], ["_N_T_/articles"]))).toBeNull()
    expect(await handler.get("fetch-d", fetchContext(["cms"]))).not.toBeNull()
  })

  it("marks an entry stale, not gone, when the tag is revalidated with a lifetime", async () => {
    const handler = server()
    await handler.set("fetch-e", fetchValue("stale ok", ["search"]), { fetchCache: true })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await handler.revalidateTag("search", { expire: 3600 })
    const entry = await server().get("fetch-e", fetchContext(["search"]))
    expect(entry).not.toBeNull()
    expect(entry.lastModified).toBe(1)
  })

  it("keeps builds and deployments apart", async () => {
    await server({ namespace: "build-1:a" }).set("fetch-f", fetchValue("a", []), {
      fetchCache: true,
    })
    expect(await server({ namespace: "build-2:a" }).get("fetch-f", fetchContext([]))).toBeNull()
    expect(
      RedisCacheHandler.cacheNamespace({
        buildId: "b",
        env: { MEDUSA_BACKEND_URL: "http://127.0.0.1:9000" },
      })
    ).not.toBe(
      RedisCacheHandler.cacheNamespace({
        buildId: "b",
        env: { MEDUSA_BACKEND_URL: "http://127.0.0.1:19000" },
      })
    )
  })

  it("treats an unreachable Redis as a cache miss instead of failing the page", async () => {
    const down = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    })
    down.on("error", () => {})
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {})
    const handler = new RedisCacheHandler({}, { redis: down, prefix, namespace: "n" })
    await expect(handler.set("k", fetchValue("x", []), { fetchCache: true })).resolves.toBe(
      undefined
    )
    await expect(handler.get("k", fetchContext([]))).resolves.toBeNull()
    warn.mockRestore()
    down.disconnect()
  })

  it("works under Next's IncrementalCache: a revalidateTag on one server reaches the other", async () => {
    const first = nextCache()
    const second = nextCache()
    const key = await first.generateCacheKey("http://commerce/store/products?handle=gene", {})
    await first.set(key, fetchValue("price 100", ["products"]) as any, {
      fetchCache: true,
      fetchUrl: "http://commerce/store/products",
      fetchIdx: 0,
      tags: ["products"],
    })
    const hit = await second.get(key, fetchContext(["products"]) as any)
    expect(hit?.isStale).toBe(false)

    await new Promise((resolve) => setTimeout(resolve, 5))
    await first.revalidateTag(["products"], { expire: 0 })
    expect(await second.get(key, fetchContext(["products"]) as any)).toBeNull()
  })
})
