const fs = require("fs")
const path = require("path")
const ts = require("typescript")
const request = require("supertest")
const { startCms } = require("./strapi-harness")

const repo = path.join(__dirname, "..", "..")

/** Runs one of commerce's TypeScript files (no imports) and answers its exports. */
function commerceModule(file) {
  const source = fs.readFileSync(path.join(repo, "commerce", file), "utf8")
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  })
  const module = { exports: {} }
  new Function("module", "exports", outputText)(module, module.exports)
  return module.exports
}

// What commerce tags members with (commerce/src/lib/push/member-tags.ts): the handles of
// the categories of products they bought, and their age group.
const { products, categoryFacets } = commerceModule("src/seed/catalog.ts")
const TARGETED_CATEGORIES = [...new Set(products.flatMap((product) => product.categories))].sort()
const CATALOG_HANDLES = categoryFacets.flatMap((facet) => [
  facet.handle,
  ...facet.children.map((child) => child.handle),
])
const { ageGroupTag } = commerceModule("src/lib/push/member-tags.ts")
const AGE_GROUPS = [
  ...new Set(Array.from({ length: 121 }, (_, age) => ageGroupTag(age)).filter(Boolean)),
]

describe("audience tags: every tag commerce gives members exists in the CMS", () => {
  let cms
  let http
  const tagsOfKind = async (kind) =>
    (await cms.strapi.documents("api::tag.tag").findMany({ filters: { kind }, limit: 100 }))
      .map(({ slug, name }) => ({ slug, name }))
      .sort((a, b) => (a.slug < b.slug ? -1 : 1))

  beforeAll(async () => {
    process.env.COMMERCE_CMS_HOOK_URL = "off"
    cms = await startCms()
    http = request(cms.strapi.server.httpServer)
  })

  afterAll(async () => {
    await cms?.stop()
  })

  it("reads commerce's targeting from its files", () => {
    // A guard on the reading itself: the lists below are what the other tests rely on.
    expect(TARGETED_CATEGORIES).toEqual([
      "population-adult",
      "population-child",
      "population-family",
      "population-senior",
      "series-cancer",
      "series-heritage",
      "series-wellness",
      "usage-fertility",
      "usage-lifestyle",
      "usage-medication",
      "usage-risk",
    ])
    expect(AGE_GROUPS).toEqual(["children", "age-18-35", "age-36-55", "seniors"])
  })

  it("has one constitution tag per type of the questionnaire, slug = type code", async () => {
    expect(await tagsOfKind("constitution")).toEqual([
      { slug: "pinghe", name: "平和质" },
      { slug: "qixu", name: "气虚质" },
      { slug: "qiyu", name: "气郁质" },
      { slug: "shire", name: "湿热质" },
      { slug: "tanshi", name: "痰湿质" },
      { slug: "tebing", name: "特禀质" },
      { slug: "xueyu", name: "血瘀质" },
      { slug: "yangxu", name: "阳虚质" },
      { slug: "yinxu", name: "阴虚质" },
    ])
  })

  it("has a test-category tag for every catalogue category members are targeted by, and no other", async () => {
    const slugs = (await tagsOfKind("test_category")).map((tag) => tag.slug)
    expect(slugs).toEqual(TARGETED_CATEGORIES)
    for (const slug of slugs) expect(CATALOG_HANDLES).toContain(slug)
  })

  it("has an age-group tag for every age group commerce computes", async () => {
    expect(await tagsOfKind("age_group")).toEqual([
      { slug: "age-18-35", name: "青年（18–35 岁）" },
      { slug: "age-36-55", name: "中年（36–55 岁）" },
      { slug: "children", name: "儿童（18 岁以下）" },
      { slug: "seniors", name: "老年（56 岁及以上）" },
    ])
    expect((await tagsOfKind("age_group")).map((tag) => tag.slug).sort()).toEqual(
      [...AGE_GROUPS].sort()
    )
  })

  it("keeps tags that target nobody as topics, and tags the seeded articles with real handles", async () => {
    expect(await tagsOfKind("topic")).toEqual([
      { slug: "diet", name: "饮食调理" },
      { slug: "gene-testing", name: "基因检测" },
    ])
    const { body } = await http
      .get("/api/articles?filters[slug][$eq]=tumor-gene-test-who&populate[tags]=true")
      .expect(200)
    expect(body.data[0].tags.map((tag) => [tag.slug, tag.kind]).sort()).toEqual([
      ["gene-testing", "topic"],
      ["series-cancer", "test_category"],
      ["usage-risk", "test_category"],
    ])
  })

  it("seeds again without duplicating a tag or overwriting an editor's name", async () => {
    const tags = cms.strapi.documents("api::tag.tag")
    const before = await tags.count()
    expect(before).toBe(9 + TARGETED_CATEGORIES.length + AGE_GROUPS.length + 2)
    const qixu = await tags.findFirst({ filters: { slug: "qixu" } })
    await tags.update({ documentId: qixu.documentId, data: { name: "气虚体质" } })

    const { seed } = require(path.join(cms.distDir, "src", "seed", "seed.js"))
    await seed(cms.strapi)

    expect(await tags.count()).toBe(before)
    expect((await tags.findFirst({ filters: { slug: "qixu" } })).name).toBe("气虚体质")
  })
})
