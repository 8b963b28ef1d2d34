import { createCmsClient } from "../cms/client"
import { CmsUnavailableError, memoryLastGood } from "../cms/last-good"
import type { FetchLike } from "../http"

const article = (title: string) => ({
  id: 1,
  documentId: "doc-1",
  title,
  slug: "qixu",
  publishedAt: "2026-11-01T00:00:00.000Z",
})
const list = (...titles: string[]) => ({
  data: titles.map(article),
  meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: titles.length } },
})

/** A CMS that answers until it is switched off, then fails the way the switch says. */
function switchableCms() {
  const state: { down: null | "refused" | "500" | "timeout"; body: unknown } = {
    down: null,
    body: list("气虚质怎么调"),
  }
  let calls = 0
  const fetch: FetchLike = async (_url, init) => {
    calls++
    if (state.down === "refused") throw new TypeError("fetch failed")
    if (state.down === "timeout") {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason))
      )
    }
    if (state.down === "500") return new Response("Internal Server Error", { status: 500 })
    return new Response(JSON.stringify(state.body), { status: 200 })
  }
  return { fetch, state, calls: () => calls }
}

describe("the CMS client when the CMS is down", () => {
  it("answers with the last good content it read, request by request", async () => {
    const cms = switchableCms()
    const client = createCmsClient({
      baseUrl: "http://cms",
      fetch: cms.fetch,
      lastGood: memoryLastGood(),
      timeoutMs: 100,
    })
    expect((await client.listArticles()).data.map((a) => a.title)).toEqual(["气虚质怎么调"])
    cms.state.body = list("气虚质怎么调", "痰湿质的饮食")
    expect((await client.listArticles()).data).toHaveLength(2)

    for (const down of ["refused", "500", "timeout"] as const) {
      cms.state.down = down
      const page = await client.listArticles()
      expect(page.data.map((a) => a.title)).toEqual(["气虚质怎么调", "痰湿质的饮食"])
      expect(page.pagination.total).toBe(2)
    }
    // A request never answered before has nothing to fall back on.
    await expect(client.listArticles({ category: "tizhi" })).rejects.toBeInstanceOf(
      CmsUnavailableError
    )
  })

  it("throws CmsUnavailableError (with a Chinese message) without a store", async () => {
    const cms = switchableCms()
    cms.state.down = "refused"
    const client = createCmsClient({ baseUrl: "http://cms", fetch: cms.fetch })
    const error = await client.getArticle("qixu").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CmsUnavailableError)
    expect((error as Error).message).toBe("内容服务暂时不可用")
  })

  it("gives up on a CMS that does not answer within the timeout", async () => {
    const cms = switchableCms()
    cms.state.down = "timeout"
    const client = createCmsClient({ baseUrl: "http://cms", fetch: cms.fetch, timeoutMs: 50 })
    const started = Date.now()
    await expect(client.listBanners("home_hero")).rejects.toBeInstanceOf(CmsUnavailableError)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it("passes a 4xx answer on instead of hiding it behind old content", async () => {
    let status = 200
    const fetch: FetchLike = async () =>
      status === 200
        ? new Response(JSON.stringify(list("气虚质怎么调")), { status })
        : new Response(JSON.stringify({ data: null, error: { status, message: "Forbidden" } }), {
            status,
          })
    const client = createCmsClient({ baseUrl: "http://cms", fetch, lastGood: memoryLastGood() })
    await client.listArticles()
    status = 403
    await expect(client.listArticles()).rejects.toMatchObject({ status: 403, message: "Forbidden" })
  })

  it("forgets the least recently used answers beyond its size", async () => {
    const store = memoryLastGood(2)
    store.set("a", 1)
    store.set("b", 2)
    expect(store.get("a")).toBe(1) // a is now the most recent
    store.set("c", 3)
    expect([store.get("a"), store.get("b"), store.get("c")]).toEqual([1, undefined, 3])
  })
})
