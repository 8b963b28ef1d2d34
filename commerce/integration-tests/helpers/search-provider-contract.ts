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

/**
 * The behaviour site search relies on, for any provider: the three Chinese queries, filters
 * on type/category/city, replace-on-upsert, delete by id, clear.
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
