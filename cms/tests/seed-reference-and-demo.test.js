const path = require("path")
const ccmq = require("@health/contracts/ccmq.json")
const { startCms } = require("./strapi-harness")

// Reference content at every start; demo content only with SEED_DEMO=1.
describe("the CMS seed without and with SEED_DEMO", () => {
  let cms
  let seedDemoBefore

  beforeAll(async () => {
    seedDemoBefore = process.env.SEED_DEMO
    delete process.env.CMS_API_TOKEN
    process.env.SEED_DEMO = "0"
    cms = await startCms()
  })

  afterAll(async () => {
    await cms?.stop()
    if (seedDemoBefore === undefined) delete process.env.SEED_DEMO
    else process.env.SEED_DEMO = seedDemoBefore
  })

  const census = async () => {
    const count = (uid) => cms.strapi.documents(uid).count({})
    const admins = await cms.strapi.db.query("admin::user").findMany({ select: ["email"] })
    return {
      categories: await count("api::article-category.article-category"),
      tags: await count("api::tag.tag"),
      pages: await count("api::page.page"),
      constitutionTypes: await count("api::constitution-type.constitution-type"),
      questionnaireItems: await count("api::questionnaire-item.questionnaire-item"),
      articles: await count("api::article.article"),
      experts: await count("api::expert.expert"),
      sites: await count("api::collection-site.collection-site"),
      hospitals: await count("api::hospital.hospital"),
      departments: await count("api::department.department"),
      banners: await count("api::banner.banner"),
      clinicSessions: await count("api::clinic-session.clinic-session"),
      admins: admins.map((admin) => admin.email).sort(),
    }
  }
  const seedWith = async (value) => {
    process.env.SEED_DEMO = value
    const { seed } = require(path.join(cms.distDir, "src", "seed", "seed.js"))
    await seed(cms.strapi)
    return census()
  }

  it("starts with reference content only, and a second run changes nothing", async () => {
    const first = await census()
    expect(first).toMatchObject({
      articles: 0,
      experts: 0,
      sites: 0,
      hospitals: 0,
      departments: 0,
      banners: 0,
      clinicSessions: 0,
      admins: ["admin@health.local"],
      questionnaireItems: 60,
    })
    expect(first.categories).toBeGreaterThan(0)
    expect(first.tags).toBeGreaterThan(0)
    expect(first.pages).toBeGreaterThan(0)
    expect(first.constitutionTypes).toBe(ccmq.types.length)
    expect(await seedWith("0")).toEqual(first)
  })

  it("adds the demo content and editors once with SEED_DEMO=1, keeping the reference content", async () => {
    const reference = await census()
    const demo = await seedWith("1")
    expect(demo).toMatchObject({
      categories: reference.categories,
      tags: reference.tags,
      pages: reference.pages,
      questionnaireItems: 60,
    })
    for (const kind of [
      "articles",
      "experts",
      "sites",
      "hospitals",
      "departments",
      "banners",
      "clinicSessions",
    ]) {
      expect(demo[kind]).toBeGreaterThan(0)
    }
    expect(demo.admins.length).toBeGreaterThan(1)
    expect(await seedWith("1")).toEqual(demo)
  })
})

describe("the CMS's first super admin in production", () => {
  it("needs its own email and password, and refuses the README's password", () => {
    // Compiled by the suite above (compileStrapi writes dist/).
    const { cmsSuperAdminAccount } = require("../dist/src/seed/seed.js")
    expect(() => cmsSuperAdminAccount({ NODE_ENV: "production" })).toThrow(
      "CMS_ADMIN_EMAIL and CMS_ADMIN_PASSWORD"
    )
    expect(() =>
      cmsSuperAdminAccount({
        NODE_ENV: "production",
        CMS_ADMIN_EMAIL: "editor@shop.example.cn",
        CMS_ADMIN_PASSWORD: "Admin12345",
      })
    ).toThrow("published development password")
    expect(
      cmsSuperAdminAccount({
        NODE_ENV: "production",
        CMS_ADMIN_EMAIL: "editor@shop.example.cn",
        CMS_ADMIN_PASSWORD: "a-long-own-password",
      })
    ).toEqual({ email: "editor@shop.example.cn", password: "a-long-own-password" })
    expect(cmsSuperAdminAccount({})).toEqual({
      email: "admin@health.local",
      password: "Admin12345",
    })
  })
})
