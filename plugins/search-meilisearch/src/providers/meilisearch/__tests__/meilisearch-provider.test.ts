import type { SearchTypes } from "@medusajs/framework/types"
import { compileFilters } from "../filters"
import { MeilisearchSearchProviderService, MeilisearchUnavailableError } from "../service"
import { expandSynonymGroups } from "../synonyms"

const definition: SearchTypes.ResolvedSearchIndexDefinition = {
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: "meilisearch",
  physical_name: "site_product",
  definition_hash: "h",
  settings: {},
  seed: async function* () {},
  fields: {
    id: { type: "keyword", filterable: true },
    type: { type: "keyword", filterable: true },
    title: { type: "text", searchable: { weight: 3 } },
    content: { type: "text", searchable: { weight: 1 } },
    city: { type: "keyword", searchable: { weight: 2 }, filterable: true },
    category: { type: "keyword", filterable: true },
  },
}

type Call = { method: string; url: string; body: any; auth?: string }

function fakeMeili(answers: (call: Call) => { status?: number; body: unknown }) {
  const calls: Call[] = []
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    const call = {
      method: init.method ?? "GET",
      url: String(url),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      auth: (init.headers as Record<string, string>).authorization,
    }
    calls.push(call)
    const { status = 200, body } = answers(call)
    return new Response(JSON.stringify(body), { status })
  }) as never
  return calls
}

const provider = () =>
  new MeilisearchSearchProviderService({}, { host: "http://meili:7700/", apiKey: "master" })

describe("Meilisearch provider", () => {
  const realFetch = global.fetch
  afterEach(() => {
    global.fetch = realFetch
  })

  it("declares Chinese, weighted searchable fields, filterable type/category/city and synonyms both ways", () => {
    const settings = provider().settingsFor(definition)
    expect(settings.searchableAttributes).toEqual(["title", "city", "content"])
    expect(settings.filterableAttributes).toEqual(["id", "type", "city", "category"])
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["cmn"] }])
    expect(settings.synonyms["基因检测"]).toContain("基因筛查")
    expect(settings.synonyms["基因筛查"]).toContain("基因检测")
  })

  it("expands every synonym group into each direction without self references", () => {
    expect(expandSynonymGroups([["a", "b", "c"]])).toEqual({
      a: ["b", "c"],
      b: ["a", "c"],
      c: ["a", "b"],
    })
  })

  it("compiles filters and rejects operators Meilisearch cannot express", () => {
    expect(
      compileFilters({ q: "基因", type: "product", city: { $in: ["岳阳市", "长沙市"] } })
    ).toBe('type = "product" AND city IN ["岳阳市", "长沙市"]')
    expect(compileFilters({ $or: [{ category: "a" }, { $not: { city: "b" } }] })).toBe(
      '(category = "a" OR NOT (city = "b"))'
    )
    expect(() => compileFilters({ title: { $like: "%x%" } })).toThrow("$like")
    expect(() => compileFilters({ 'a" OR 1': "x" })).toThrow("cannot filter")
  })

  it("creates the index, applies settings and waits for both tasks", async () => {
    let uid = 0
    const calls = fakeMeili((call) =>
      call.url.includes("/tasks/")
        ? { body: { status: "succeeded" } }
        : { status: 202, body: { taskUid: ++uid } }
    )
    const task = await provider().upsertIndex({ index: definition })
    expect(task.status).toBe("succeeded")
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "POST http://meili:7700/indexes",
      "GET http://meili:7700/tasks/1",
      "PATCH http://meili:7700/indexes/site_product/settings",
      "GET http://meili:7700/tasks/2",
    ])
    expect(calls[0].body).toEqual({ uid: "site_product", primaryKey: "id" })
    expect(calls[0].auth).toBe("Bearer master")
  })

  it("deletes by id through delete-batch and by filter otherwise", async () => {
    const calls = fakeMeili(() => ({ status: 202, body: { taskUid: 7 } }))
    await provider().deleteDocuments({ index: "site_product", filters: { id: ["a", "b"] } })
    await provider().deleteDocuments({ index: "site_product", filters: { city: "岳阳市" } })
    expect(calls[0]).toMatchObject({
      url: "http://meili:7700/indexes/site_product/documents/delete-batch",
      body: ["a", "b"],
    })
    expect(calls[1]).toMatchObject({
      url: "http://meili:7700/indexes/site_product/documents/delete",
      body: { filter: 'city = "岳阳市"' },
    })
  })

  it("maps a search answer to hits with highlights and a count", async () => {
    const calls = fakeMeili(() => ({
      body: {
        hits: [
          {
            id: "p1",
            title: "肿瘤易感基因检测",
            _formatted: { id: "p1", title: "肿瘤易感<mark>基因</mark>检测" },
          },
        ],
        estimatedTotalHits: 1,
        processingTimeMs: 1,
      },
    }))
    const result = await provider().search({
      index: definition,
      q: "基因",
      filters: { type: "product" },
      attributes_to_retrieve: [],
      pagination: { skip: 0, take: 5 },
      search_options: { highlight: { fields: ["title"] } },
    })
    expect(calls[0].body).toMatchObject({
      q: "基因",
      filter: 'type = "product"',
      limit: 5,
      offset: 0,
      attributesToHighlight: ["title"],
    })
    expect(result.hits).toEqual([
      {
        id: "p1",
        document: { id: "p1", title: "肿瘤易感基因检测" },
        highlights: { title: ["肿瘤易感<mark>基因</mark>检测"] },
      },
    ])
    expect(result.metadata.count).toBe(1)
  })

  it("fails fast with MeilisearchUnavailableError when nothing listens", async () => {
    global.fetch = realFetch
    const closed = new MeilisearchSearchProviderService({}, { host: "http://127.0.0.1:1" })
    await expect(
      closed.search({ index: definition, q: "基因", attributes_to_retrieve: [] })
    ).rejects.toBeInstanceOf(MeilisearchUnavailableError)
  })
})
