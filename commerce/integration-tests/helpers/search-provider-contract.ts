import type { SearchTypes } from "@medusajs/framework/types"
import { searchIndexes, type SearchType } from "../../src/modules/site-search/indexes"

/** Catalogue, article and site documents every provider must find with Chinese queries. */
export const CONTRACT_DOCUMENTS: Record<SearchType, SearchTypes.SearchDocument[]> = {
  product: [
    {
      id: "prod_tumor",
      type: "product",
      title: "肿瘤易感基因检测",
      subtitle: "覆盖 28 种高发肿瘤的遗传易感性评估",
      url: "/products/tumor-risk-gene-test",
      content: "检测 BRCA1/2、TP53 等 150+ 个肿瘤相关基因",
      category: "肿瘤风险系列",
      tags: ["肿瘤风险系列", "热销"],
    },
    {
      id: "prod_ancestry",
      type: "product",
      title: "祖源分析",
      subtitle: "父系母系单倍群",
      url: "/products/ancestry",
      content: "了解你的祖先迁徙路线",
      category: "遗传与祖源系列",
      tags: ["遗传与祖源系列"],
    },
  ],
  article: [
    {
      id: "art_qixu",
      type: "article",
      title: "气虚质的调养",
      subtitle: "气虚体质的人常感乏力，饮食宜补气健脾。",
      url: "/articles/qixu",
      content: "气虚体质的人常感乏力。多吃山药、黄芪。",
      category: "中医体质",
      tags: ["气虚质"],
    },
  ],
  site: [
    {
      id: "site_yy",
      type: "site",
      title: "岳阳楼区采集点",
      subtitle: "岳阳市 岳阳楼区 洞庭南路 1 号",
      url: "/sites#site-site_yy",
      content: "08:30-17:30",
      city: "岳阳市",
      tags: [],
    },
    {
      id: "site_cs",
      type: "site",
      title: "芙蓉区采集点",
      subtitle: "长沙市 芙蓉区 五一大道 99 号",
      url: "/sites#site-site_cs",
      content: "",
      city: "长沙市",
      tags: [],
    },
  ],
}

type Provider = SearchTypes.ISearchProvider

const settle = async (provider: Provider, task: SearchTypes.SearchTask) => {
  const done = provider.waitForTask
    ? await provider.waitForTask(task, { timeout_ms: 10_000 })
    : task
  expect(done.status).toBe("succeeded")
}

/** Past the 500 candidates the Postgres provider once ranked in memory. */
const MANY = 600

/**
 * An index where 600 articles match 基因 and 天赋 (in their bodies) and their titles all
 * sort before the two products': counts, type filters and ranking must see every match.
 */
export const manyDocuments = (): SearchTypes.SearchDocument[] => [
  ...Array.from({ length: MANY }, (_, i) => ({
    id: `art_many_${i}`,
    type: "article",
    title: `基因科普第${String(i + 1).padStart(3, "0")}期`,
    subtitle: "",
    url: `/articles/many-${i}`,
    content: "天赋与成长",
    category: "科普",
    tags: [],
  })),
  {
    id: "prod_talent",
    type: "product",
    title: "天赋基因检测",
    subtitle: "儿童成长潜能评估",
    url: "/products/talent",
    content: "",
    category: "儿童系列",
    tags: ["儿童系列"],
  },
  {
    id: "prod_alcohol",
    type: "product",
    title: "酒精代谢基因检测",
    subtitle: "了解你的酒量",
    url: "/products/alcohol",
    content: "",
    category: "健康管理系列",
    tags: ["健康管理系列"],
  },
]

/**
 * The behaviour site search relies on, for any provider: the three Chinese queries, filters
 * on type/category/city, replace-on-upsert, delete by id, clear; exact counts, filters and
 * ranking over more matches than a page of candidates.
 */
export function describeProviderContract(getProvider: () => Provider, prefix: string) {
  const indexes = Object.fromEntries(
    Object.entries(searchIndexes()).map(([type, index]) => [
      type,
      { ...index, physical_name: `${prefix}_${type}` },
    ])
  ) as ReturnType<typeof searchIndexes>
  const ids = async (type: SearchType, q: string, filters?: SearchTypes.SearchFilters) =>
    (
      await getProvider().search({
        index: indexes[type],
        q,
        filters,
        attributes_to_retrieve: [],
        pagination: { skip: 0, take: 20 },
      })
    ).hits.map((hit) => hit.id)

  beforeEach(async () => {
    const provider = getProvider()
    for (const type of Object.keys(indexes) as SearchType[]) {
      await settle(provider, await provider.upsertIndex({ index: indexes[type] }))
      await settle(provider, await provider.clearIndex({ index: indexes[type].physical_name }))
      await settle(
        provider,
        await provider.upsertDocuments({
          index: indexes[type].physical_name,
          definition: indexes[type],
          documents: CONTRACT_DOCUMENTS[type],
        })
      )
    }
  })

  afterAll(async () => {
    let provider: Provider
    try {
      provider = getProvider()
    } catch {
      return // a module test runner has already torn its module (and database) down
    }
    for (const index of Object.values(indexes)) {
      await provider.deleteIndex({ index: index.physical_name }).catch(() => undefined)
    }
  })

  describe("with more than 500 matching documents", () => {
    const many = { ...indexes.product, physical_name: `${prefix}_many` }
    const search = (q: string, filters?: SearchTypes.SearchFilters, skip = 0, take = 20) =>
      getProvider().search({
        index: many,
        q,
        filters,
        attributes_to_retrieve: [],
        pagination: { skip, take },
      })

    // Per test: a module test runner gives each test a fresh module and database.
    beforeEach(async () => {
      const provider = getProvider()
      await settle(provider, await provider.upsertIndex({ index: many }))
      await settle(provider, await provider.clearIndex({ index: many.physical_name }))
      await settle(
        provider,
        await provider.upsertDocuments({
          index: many.physical_name,
          definition: many,
          documents: manyDocuments(),
        })
      )
    })

    afterAll(async () => {
      try {
        await getProvider().deleteIndex({ index: many.physical_name })
      } catch {
        // the module test runner may have torn its module down already
      }
    })

    it("counts every match exactly", async () => {
      const result = await search("基因")
      expect(result.metadata.count).toBe(602)
      expect(result.hits).toHaveLength(20)
      expect((await search("天赋")).metadata.count).toBe(601)
    })

    it("finds the filtered type's documents behind 600 others", async () => {
      const result = await search("基因", { type: "product" })
      expect(result.metadata.count).toBe(2)
      expect(result.hits.map((hit) => hit.id).sort()).toEqual(["prod_alcohol", "prod_talent"])
      expect((await search("基因", { category: "健康管理系列" })).hits.map((h) => h.id)).toEqual([
        "prod_alcohol",
      ])
    })

    it("ranks the title match first though 600 titles sort before it", async () => {
      const result = await search("天赋")
      expect(result.hits[0].id).toBe("prod_talent")
    })

    it("pages past the 500th match", async () => {
      const tail = await search("基因", { type: "article" }, 590, 20)
      expect(tail.metadata.count).toBe(MANY)
      expect(tail.hits).toHaveLength(10)
      expect(new Set(tail.hits.map((hit) => hit.id)).size).toBe(10)
      expect((await search("基因", undefined, 700, 20)).metadata.count).toBe(602)
    })
  })

  it("基因 finds 肿瘤易感基因检测", async () => {
    expect(await ids("product", "基因")).toEqual(["prod_tumor"])
  })

  it("体质 finds the article about 气虚质", async () => {
    expect(await ids("article", "体质")).toEqual(["art_qixu"])
  })

  it("岳阳 finds the collection site in 岳阳", async () => {
    expect(await ids("site", "岳阳")).toEqual(["site_yy"])
  })

  it("filters on city, category and type", async () => {
    expect(await ids("site", "采集点", { city: "长沙市" })).toEqual(["site_cs"])
    expect(await ids("product", "", { category: "遗传与祖源系列" })).toEqual(["prod_ancestry"])
    expect((await ids("site", "采集点", { type: { $in: ["site"] } })).sort()).toEqual([
      "site_cs",
      "site_yy",
    ])
  })

  it("filters with operators, on array fields by element", async () => {
    expect(await ids("product", "", { tags: "热销" })).toEqual(["prod_tumor"])
    expect(await ids("product", "", { category: { $ne: "肿瘤风险系列" } })).toEqual([
      "prod_ancestry",
    ])
    expect(await ids("product", "", { tags: { $nin: ["热销"] } })).toEqual(["prod_ancestry"])
    expect(await ids("product", "", { $not: { tags: { $in: ["热销", "新品"] } } })).toEqual([
      "prod_ancestry",
    ])
    expect(
      (
        await ids("product", "", {
          $or: [{ category: "遗传与祖源系列" }, { tags: { $in: ["热销"] } }],
        })
      ).sort()
    ).toEqual(["prod_ancestry", "prod_tumor"])
    expect(
      await ids("product", "检测", { $and: [{ id: ["prod_tumor"] }, { type: "product" }] })
    ).toEqual(["prod_tumor"])
  })

  it("replaces a document on upsert and removes it by id", async () => {
    const provider = getProvider()
    const index = indexes.product
    await settle(
      provider,
      await provider.upsertDocuments({
        index: index.physical_name,
        definition: index,
        documents: [{ ...CONTRACT_DOCUMENTS.product[1], title: "祖源分析 升级版" }],
      })
    )
    expect(await ids("product", "升级版")).toEqual(["prod_ancestry"])
    expect(await ids("product", "")).toHaveLength(2)

    await settle(
      provider,
      await provider.deleteDocuments({
        index: index.physical_name,
        filters: { id: ["prod_ancestry"] },
      })
    )
    expect(await ids("product", "祖源")).toEqual([])
    expect(await ids("product", "基因")).toEqual(["prod_tumor"])
  })

  it("empties an index and reports counts", async () => {
    const provider = getProvider()
    const before = await provider.listIndexes()
    expect(before.find((i) => i.name === indexes.site.physical_name)?.document_count).toBe(2)
    await settle(provider, await provider.clearIndex({ index: indexes.site.physical_name }))
    expect(await ids("site", "岳阳")).toEqual([])
  })
}
