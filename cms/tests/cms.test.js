const path = require("path")
const request = require("supertest")
const ccmq = require("@health/contracts/ccmq.json")
const { startCms } = require("./strapi-harness")

const TOKEN = "dev-storefront-read-token-0123456789abcdef"

describe("the CMS, booted for real on PostgreSQL", () => {
  let cms
  let http

  beforeAll(async () => {
    delete process.env.CMS_API_TOKEN
    cms = await startCms()
    http = request(cms.strapi.server.httpServer)
  })

  afterAll(async () => {
    await cms?.stop()
  })

  const count = (uid) => cms.strapi.documents(uid).count({ status: "published" })

  it("seeds the constitution types and the 60 questionnaire items from ccmq.json", async () => {
    const types = await cms.strapi
      .documents("api::constitution-type.constitution-type")
      .findMany({ status: "published", limit: 100 })
    expect(types.map((t) => t.code).sort()).toEqual(ccmq.types.map((t) => t.code).sort())
    expect(types.find((t) => t.code === "qixu").regimen_diet).toContain("山药")

    const items = await cms.strapi
      .documents("api::questionnaire-item.questionnaire-item")
      .findMany({ status: "published", limit: 100 })
    expect(items).toHaveLength(60)
    expect(items.map((i) => i.code).sort()).toEqual(ccmq.items.map((i) => i.id).sort())
    // The sex-specific item is one item, code q41 (what commerce scores), with both wordings.
    expect(items.find((i) => i.code === "q41")).toMatchObject({
      sex: "all",
      sort: 41,
      types: ["shire"],
      version: "ZYYXH/T157-2009",
      text_female: "您带下色黄（白带颜色发黄）吗？（限女性回答）",
      text_male: "您的阴囊部位潮湿吗？（限男性回答）",
    })
    expect(items.find((i) => i.code === "q02")).toMatchObject({
      reverse_in: ["pinghe"],
      text_female: null,
      text_male: null,
    })
  })

  it("moves a database's old q41f/q41m pair onto one q41, keeping the editors' wordings", async () => {
    const items = cms.strapi.documents("api::questionnaire-item.questionnaire-item")
    const q41 = await items.findFirst({ filters: { code: "q41" } })
    await items.delete({ documentId: q41.documentId })
    // As the seed kept it before: twice, one per sex; an editor had reworded the male one.
    for (const [code, sex, text] of [
      ["q41f", "female", "您带下色黄（白带颜色发黄）吗？（限女性回答）"],
      ["q41m", "male", "您的阴囊部位潮湿吗？（编辑修改，限男性回答）"],
    ]) {
      await items.create({
        data: { code, sex, text, types: ["shire"], reverse_in: [], sort: 41, version: "v2025" },
        status: "published",
      })
    }
    const { seed } = require(path.join(cms.distDir, "src", "seed", "seed.js"))
    await seed(cms.strapi)
    await seed(cms.strapi)

    const after = await items.findMany({ filters: { code: { $startsWith: "q41" } } })
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({
      code: "q41",
      sex: "all",
      sort: 41,
      version: "v2025",
      types: ["shire"],
      text_female: "您带下色黄（白带颜色发黄）吗？（限女性回答）",
      text_male: "您的阴囊部位潮湿吗？（编辑修改，限男性回答）",
    })
    expect(await count("api::questionnaire-item.questionnaire-item")).toBe(60)
    const res = await http
      .get("/api/questionnaire-items?filters[code][$startsWith]=q41")
      .set("Authorization", `Bearer ${TOKEN}`)
      .expect(200)
    expect(res.body.data.map((i) => [i.code, i.text_male])).toEqual([
      ["q41", "您的阴囊部位潮湿吗？（编辑修改，限男性回答）"],
    ])
  })

  it("seeds Chinese demo content: articles, 岳阳 sites, experts, banners and legal pages", async () => {
    expect(await count("api::article.article")).toBeGreaterThanOrEqual(6)
    expect(await count("api::collection-site.collection-site")).toBeGreaterThanOrEqual(4)
    expect(await count("api::expert.expert")).toBeGreaterThanOrEqual(2)
    expect(await count("api::banner.banner")).toBeGreaterThanOrEqual(2)
    const privacy = await cms.strapi
      .documents("api::page.page")
      .findFirst({ filters: { slug: "privacy-policy" }, status: "published" })
    expect(privacy.body).toContain("加密存储")
  })

  it("publishes the escort booking's consents with versions; a published version is never changed in place", async () => {
    const pages = cms.strapi.documents("api::page.page")
    for (const slug of [
      "consent-personal-info",
      "consent-sensitive-personal-info",
      "consent-escort-sharing",
      "consent-escort-applicant-personal-info",
      "consent-escort-applicant-sensitive-info",
    ]) {
      const page = await pages.findFirst({ filters: { slug }, status: "published" })
      expect(page).toMatchObject({ kind: "consent", version: "2026-12" })
    }
    const sharing = await pages.findFirst({
      filters: { slug: "consent-escort-sharing" },
      status: "published",
    })
    const { documentId } = sharing
    await pages.update({ documentId, status: "draft", data: { body: "改过的正文" } })
    await expect(pages.publish({ documentId })).rejects.toThrow("该版本已发布，其内容不能直接修改")
    const still = await pages.findOne({ documentId, status: "published" })
    expect(still.body).toBe(sharing.body)

    // The same change under a new version publishes.
    await pages.update({ documentId, status: "draft", data: { version: "2026-12.1" } })
    await pages.publish({ documentId })
    const next = await pages.findOne({ documentId, status: "published" })
    expect(next).toMatchObject({ version: "2026-12.1", body: "改过的正文" })
  })

  it("seeding again creates nothing twice", async () => {
    const before = await Promise.all(
      ["api::article.article", "api::tag.tag", "api::questionnaire-item.questionnaire-item"].map(
        count
      )
    )
    const files = await cms.strapi.db.query("plugin::upload.file").count()
    const { seed } = require(path.join(cms.distDir, "src", "seed", "seed.js"))
    await seed(cms.strapi)
    const after = await Promise.all(
      ["api::article.article", "api::tag.tag", "api::questionnaire-item.questionnaire-item"].map(
        count
      )
    )
    expect(after).toEqual(before)
    expect(await cms.strapi.db.query("plugin::upload.file").count()).toBe(files)
    expect(
      await cms.strapi.db.query("admin::api-token").count({ where: { name: "storefront" } })
    ).toBe(1)
  })

  it("lets the public read published articles with their relations and cover", async () => {
    const res = await http
      .get("/api/articles?populate=*&filters[slug][$eq]=qixu-tiaoyang")
      .expect(200)
    expect(res.body.data).toHaveLength(1)
    const article = res.body.data[0]
    expect(article.title).toBe("气虚质怎么调？从吃、动、睡三方面入手")
    expect(article.category.name).toBe("体质养生")
    expect(article.tags.map((t) => t.slug)).toEqual(expect.arrayContaining(["qixu"]))
    expect(article.cover.url).toMatch(/^\/uploads\/.+\.png$/)
    expect(article.expert.name).toBe("李明华")

    const sites = await http.get("/api/collection-sites?filters[city][$eq]=岳阳市").expect(200)
    expect(sites.body.data.length).toBeGreaterThanOrEqual(4)
    expect(sites.body.data[0]).toEqual(
      expect.objectContaining({
        address: expect.stringContaining("岳阳"),
        phone: expect.any(String),
      })
    )
  })

  it("serves the seeded 专题页 with its sections to the public, and never a draft one", async () => {
    const sections = "populate[sections][populate]=*"
    const res = await http
      .get(`/api/landing-pages?filters[slug][$eq]=gene-test-family&${sections}`)
      .expect(200)
    expect(res.body.data).toHaveLength(1)
    const page = res.body.data[0]
    expect(page).toMatchObject({
      title: "家庭基因检测专题",
      publish_to_microsite: true,
      seo_description: expect.stringContaining("遗传咨询师"),
    })
    expect(page.sections.map((section) => section.__component)).toEqual([
      "landing.hero",
      "landing.product-list",
      "landing.rich-text",
      "landing.product-list",
      "landing.article-list",
      "landing.image",
      "landing.call-to-action",
    ])
    const [hero, byHandle, richText, byTag, articles, image, cta] = page.sections
    expect(hero).toMatchObject({
      title: "家庭基因检测 守护三代健康",
      cta_link: "/products?tag=热销",
    })
    expect(hero.image).toMatchObject({ url: expect.stringMatching(/^\/uploads\/.+\.png$/) })
    expect(hero.image.width).toBeGreaterThan(0)
    expect(byHandle.handles).toContain("child-talent-gene-test")
    expect(richText.body).toContain("| 孩子 |")
    expect(byTag).toMatchObject({ product_tag: "热销", limit: 4 })
    expect(articles.category).toMatchObject({ slug: "gene-science" })
    expect(image).toMatchObject({ alt: expect.any(String), link: "/sites" })
    expect(image.image.url).toMatch(/^\/uploads\//)
    expect(cta).toMatchObject({ text: "预约上门采样", style: "primary" })
    // The storefront token reads it too.
    await http
      .get("/api/landing-pages?filters[slug][$eq]=gene-test-family")
      .set("Authorization", `Bearer ${TOKEN}`)
      .expect(200)

    const pages = cms.strapi.documents("api::landing-page.landing-page")
    const draft = await pages.create({
      data: {
        title: "未发布的专题",
        slug: "landing-draft-only",
        sections: [{ __component: "landing.rich-text", body: "草稿正文" }],
      },
    })
    for (const path of [
      "/api/landing-pages?filters[slug][$eq]=landing-draft-only",
      "/api/landing-pages?filters[slug][$eq]=landing-draft-only&status=draft",
    ]) {
      const answer = await http.get(path).expect(200)
      expect(answer.body.data).toHaveLength(0)
    }
    await http.get(`/api/landing-pages/${draft.documentId}`).expect(404)
    // Published, it is served; the public still cannot write.
    await pages.publish({ documentId: draft.documentId })
    const published = await http
      .get(`/api/landing-pages?filters[slug][$eq]=landing-draft-only&${sections}`)
      .expect(200)
    expect(published.body.data[0].sections[0].body).toBe("草稿正文")
    await http
      .post("/api/landing-pages")
      .send({ data: { title: "x", slug: "x" } })
      .expect(403)
  })

  it("refuses the public any write", async () => {
    await http
      .post("/api/articles")
      .send({ data: { title: "x", slug: "x" } })
      .expect(403)
    const { body } = await http.get("/api/articles").expect(200)
    const id = body.data[0].documentId
    await http
      .put(`/api/articles/${id}`)
      .send({ data: { title: "被篡改" } })
      .expect(403)
    await http.delete(`/api/articles/${id}`).expect(403)
    await http
      .post("/api/collection-sites")
      .send({ data: { name: "x" } })
      .expect(403)
  })

  it("keeps drafts away from the public", async () => {
    await cms.strapi
      .documents("api::article.article")
      .create({ data: { title: "未发布的草稿", slug: "draft-only" } })
    const res = await http.get("/api/articles?filters[slug][$eq]=draft-only").expect(200)
    expect(res.body.data).toHaveLength(0)
  })

  it("gives the storefront token read access and nothing more", async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` }
    const res = await http.get("/api/constitution-types").set(auth).expect(200)
    expect(res.body.data).toHaveLength(9)
    await http
      .post("/api/articles")
      .set(auth)
      .send({ data: { title: "x", slug: "x2" } })
      .expect(403)
    await http.get("/api/articles").set({ Authorization: "Bearer wrong-token" }).expect(401)
  })

  it("answers its health check", async () => {
    await http.get("/_health").expect(204)
  })
})
