import { createCmsClient } from "../cms/client"
import { productsForTags } from "../cms/related-products"
import type { Tag } from "../cms/types"
import { recordingFetch } from "./support/recording-fetch"

const tag = (slug: string, kind: Tag["kind"]) => ({ slug, kind })
const product = (id: string, categories: string[], tags: string[] = []) => ({
  id,
  categories: categories.map((handle) => ({ handle })),
  tags: tags.map((value) => ({ value })),
})
const catalog = [
  product("tumor", ["series-cancer", "usage-risk", "population-adult"]),
  product("child", ["series-wellness", "population-child"], ["儿童"]),
  product("nutrition", ["series-wellness", "population-adult"], ["气虚质", "阴虚质"]),
  product("sports", ["series-wellness"], ["qixu"]),
  product("drugs", ["usage-medication", "population-senior"], ["特禀质"]),
  { id: "bare" },
]
const ids = (products: { id: string }[]) => products.map((p) => p.id)

describe("相关检测产品 by an article's tags", () => {
  it("matches test-category tags to category handles and constitution tags as the report does", () => {
    expect(ids(productsForTags(catalog, [tag("series-cancer", "test_category")]))).toEqual([
      "tumor",
    ])
    expect(ids(productsForTags(catalog, [tag("qixu", "constitution")]))).toEqual([
      "nutrition",
      "sports",
    ])
    expect(ids(productsForTags(catalog, [tag("tebing", "constitution")]))).toEqual(["drugs"])
  })

  it("finds the 按人群 category of an age group", () => {
    expect(ids(productsForTags(catalog, [tag("children", "age_group")]))).toEqual(["child"])
    expect(ids(productsForTags(catalog, [tag("seniors", "age_group")]))).toEqual(["drugs"])
    expect(ids(productsForTags(catalog, [tag("age-36-55", "age_group")]))).toEqual([
      "tumor",
      "nutrition",
    ])
  })

  it("keeps the tags' order, lists each product once and stops at the limit", () => {
    const tags = [
      tag("yinxu", "constitution"),
      tag("series-wellness", "test_category"),
      tag("qixu", "constitution"),
    ]
    expect(ids(productsForTags(catalog, tags))).toEqual(["nutrition", "child", "sports"])
    expect(ids(productsForTags(catalog, tags, 2))).toEqual(["nutrition", "child"])
  })

  it("relates topics, unknown types and unknown handles to nothing", () => {
    expect(
      productsForTags(catalog, [
        tag("diet", "topic"),
        // A topic named like a category handle is still a topic.
        tag("series-cancer", "topic"),
        tag("not-a-type", "constitution"),
        tag("tumor-risk", "test_category"),
        tag("age-99", "age_group"),
      ])
    ).toEqual([])
    expect(productsForTags([], [tag("qixu", "constitution")])).toEqual([])
  })
})

describe("the CMS client's tags", () => {
  it("reads one tag by slug, or null", async () => {
    const qixu = { documentId: "t1", name: "气虚质", slug: "qixu", kind: "constitution" }
    const { fetch, calls } = recordingFetch(
      { body: { data: [qixu], meta: {} } },
      { body: { data: [], meta: {} } }
    )
    const client = createCmsClient({ baseUrl: "http://cms:1337", fetch })
    expect(await client.getTag("qixu")).toEqual(qixu)
    const url = new URL(calls[0].url)
    expect(url.pathname).toBe("/api/tags")
    expect(url.searchParams.get("filters[slug][$eq]")).toBe("qixu")
    expect(calls[0].init?.cacheHint).toEqual({ tags: ["articles", "tag:qixu"], revalidate: 60 })
    expect(await client.getTag("nope")).toBeNull()
  })
})
