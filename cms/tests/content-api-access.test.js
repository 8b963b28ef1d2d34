const { join } = require("path")
const request = require("supertest")
const { standardQuestionnaireItems } = require("@health/contracts")
const ccmq = require("@health/contracts/ccmq.json")
const { startCms } = require("./strapi-harness")

const TOKEN = "dev-storefront-read-token-0123456789abcdef"
const SHOP = "http://shop.test"
const CMS = "http://cms.test"

/**
 * What the storefront reads; `draftAndPublish` says whether drafts can exist at all; the last
 * field names the entry's title (`title` unless given).
 */
const TYPES = [
  ["questionnaire-versions", "api::questionnaire-version.questionnaire-version", true, "label"],
  ["articles", "api::article.article", true],
  ["pages", "api::page.page", true],
  ["banners", "api::banner.banner", true],
  ["landing-pages", "api::landing-page.landing-page", true],
  ["clinic-sessions", "api::clinic-session.clinic-session", true],
  ["article-categories", "api::article-category.article-category", false],
  ["tags", "api::tag.tag", false],
  ["constitution-types", "api::constitution-type.constitution-type", false],
  ["questionnaire-items", "api::questionnaire-item.questionnaire-item", false],
  ["collection-sites", "api::collection-site.collection-site", false],
  ["experts", "api::expert.expert", false],
  ["hospitals", "api::hospital.hospital", false],
  ["departments", "api::department.department", false],
]

/** Koa routes case-insensitively and forgives slashes: every spelling reaches the same route. */
const SPELLINGS = [
  (type) => `/api/${type}`,
  (type) => `/API/${type}`,
  (type) => `/Api/${type}`,
  (type) => `/api//${type}`,
  (type) => `/api/${type}/`,
  (type) => `/%61pi/${type}`,
]

/** Every draft written below carries this; no content-API answer may contain it. */
const SECRET = "草稿机密"

const QUESTIONNAIRE_VERSION = "api::questionnaire-version.questionnaire-version"

/** Required fields, and links to published entries of other types (drafts must not show there). */
const fields = (uid, n, title, linked) => {
  if (uid === QUESTIONNAIRE_VERSION) {
    return { number: 90 + n, label: title, items: standardQuestionnaireItems(ccmq) }
  }
  const base = { title }
  if (uid === "api::article.article") {
    const { category, tag, expert } = linked
    return { ...base, slug: `access-article-${n}`, category, tags: [tag], expert }
  }
  if (uid === "api::page.page") return { ...base, slug: `access-page-${n}`, body: "正文" }
  if (uid === "api::banner.banner") return { ...base, placement: "home_hero", link: "/products" }
  if (uid === "api::landing-page.landing-page") {
    const sections = [{ __component: "landing.rich-text", body: title }]
    return { ...base, slug: `access-landing-${n}`, sections }
  }
  const startsAt = new Date(Date.now() + 86_400_000).toISOString()
  return { ...base, starts_at: startsAt, expert: linked.expert }
}

describe("the content API: published entries only, read-only, for the storefront's types", () => {
  let cms
  let http
  // documentIds per draft-and-publish type: a never-published draft, and a published
  // entry whose pending edit is still a draft.
  const drafts = {}

  beforeAll(async () => {
    delete process.env.CMS_API_TOKEN
    process.env.COMMERCE_CMS_HOOK_URL = "off"
    process.env.CMS_CORS_ORIGINS = `${SHOP},${CMS}`
    cms = await startCms()
    http = request(cms.strapi.server.httpServer)
    const first = async (uid) => (await cms.strapi.documents(uid).findFirst({})).documentId
    const linked = {
      category: await first("api::article-category.article-category"),
      tag: await first("api::tag.tag"),
      expert: await first("api::expert.expert"),
    }
    for (const [, uid] of TYPES.filter(([, , draftAndPublish]) => draftAndPublish)) {
      const documents = cms.strapi.documents(uid)
      const draftOnly = await documents.create({
        data: fields(uid, 1, `${SECRET}：从未发布`, linked),
      })
      const published = await documents.create({
        data: fields(uid, 2, "已发布的标题", linked),
        status: "published",
      })
      // A published question bank version cannot be edited at all (no pending edit to hide).
      if (uid !== QUESTIONNAIRE_VERSION) {
        await documents.update({
          documentId: published.documentId,
          data: { title: `${SECRET}：待审核的修改` },
        })
      }
      drafts[uid] = { draftOnly: draftOnly.documentId, edited: published.documentId }
    }
  })

  afterAll(async () => {
    delete process.env.CMS_CORS_ORIGINS
    await cms?.stop()
  })

  const callers = [
    ["the public", {}],
    ["the storefront token", { Authorization: `Bearer ${TOKEN}` }],
  ]

  it.each(SPELLINGS.map((spell) => [spell("…"), spell]))(
    "%s: no draft of any type for the public or the storefront token, however asked",
    async (_, spell) => {
      const seen = []
      for (const [who, auth] of callers) {
        for (const [type, uid, draftAndPublish, titleKey = "title"] of TYPES) {
          const path = spell(type)
          const published = await http.get(`${path}?pagination[pageSize]=100`).set(auth)
          // Spellings the router does not match answer 404 and read nothing.
          expect([who, path, [200, 404].includes(published.status)]).toEqual([who, path, true])
          const routed = published.status === 200
          const asked = [
            "?status=draft&pagination[pageSize]=100",
            `?status=draft&filters[title][$contains]=${encodeURIComponent(SECRET)}`,
            "?status=draft&filters[publishedAt][$null]=true",
            "?status=draft&publicationFilter=never-published",
            "?status=draft&hasPublishedVersion=false",
            "?publicationState=preview",
            "?populate=*",
            "?status=draft&populate=*",
          ]
          for (const query of asked) {
            const res = await http.get(`${path}${query}`).set(auth)
            seen.push([who, `${path}${query}`, res.status, JSON.stringify(res.body)])
          }
          if (!routed) continue
          // Asking for drafts lists what the published list lists, nothing more.
          const draftList = await http
            .get(`${path}?status=draft&pagination[pageSize]=100`)
            .set(auth)
          expect([who, path, draftList.body.data?.map((d) => d.documentId)]).toEqual([
            who,
            path,
            published.body.data.map((d) => d.documentId),
          ])
          if (!draftAndPublish) continue
          const one = (id, query) => http.get(`${path.replace(/\/$/, "")}/${id}${query}`).set(auth)
          const { draftOnly, edited } = drafts[uid]
          for (const query of ["", "?status=draft"]) {
            const hidden = await one(draftOnly, query)
            seen.push([
              who,
              `${path}/${draftOnly}${query}`,
              hidden.status,
              JSON.stringify(hidden.body),
            ])
            expect([who, path, query, hidden.status]).toEqual([who, path, query, 404])
            const shown = await one(edited, query)
            expect([who, path, query, shown.status, shown.body.data?.[titleKey]]).toEqual([
              who,
              path,
              query,
              200,
              "已发布的标题",
            ])
          }
        }
      }
      expect(seen.filter(([, , , body]) => body.includes(SECRET))).toEqual([])
      expect(seen.filter(([, , status]) => status >= 500)).toEqual([])
    }
  )

  it("still shows editors their drafts in the admin", async () => {
    const login = await http
      .post("/admin/login")
      .send({ email: "admin@health.local", password: "Admin12345" })
      .expect(200)
    const auth = { Authorization: `Bearer ${login.body.data.token}` }
    const uid = "api::article.article"
    const res = await http
      .get(`/content-manager/collection-types/${uid}/${drafts[uid].draftOnly}`)
      .set(auth)
      .expect(200)
    expect(res.body.data.title).toBe(`${SECRET}：从未发布`)
    const edited = await http
      .get(`/content-manager/collection-types/${uid}/${drafts[uid].edited}?status=draft`)
      .set(auth)
      .expect(200)
    expect(edited.body.data.title).toBe(`${SECRET}：待审核的修改`)
  })

  it.each(callers)("%s cannot list users, roles or uploads", async (who, auth) => {
    for (const path of [
      "/api/users",
      "/API/users",
      "/api/users/me",
      "/api/users-permissions/roles",
      "/api/upload/files",
      "/API/upload/files",
    ]) {
      const res = await http.get(path).set(auth)
      expect([who, path, res.status]).toEqual([who, path, 403])
    }
  })

  it("grants the storefront token and the public find and findOne on the storefront's types only", async () => {
    const token = await cms.strapi.db
      .query("admin::api-token")
      .findOne({ where: { name: "storefront" }, populate: ["permissions"] })
    const wanted = TYPES.flatMap(([, uid]) => [`${uid}.find`, `${uid}.findOne`]).sort()
    expect(token.type).toBe("custom")
    expect(token.permissions.map((p) => p.action).sort()).toEqual(wanted)
    const role = await cms.strapi.db
      .query("plugin::users-permissions.role")
      .findOne({ where: { type: "public" }, populate: ["permissions"] })
    expect(role.permissions.map((p) => p.action).sort()).toEqual(wanted)
  })

  it("narrows a database's older read-only token and a widened public role at the next start", async () => {
    const tokens = cms.strapi.db.query("admin::api-token")
    const token = await tokens.findOne({ where: { name: "storefront" } })
    await cms.strapi.db
      .query("admin::api-token-permission")
      .deleteMany({ where: { token: token.id } })
    await tokens.update({ where: { id: token.id }, data: { type: "read-only" } })
    const role = await cms.strapi.db
      .query("plugin::users-permissions.role")
      .findOne({ where: { type: "public" } })
    await cms.strapi.db
      .query("plugin::users-permissions.permission")
      .create({ data: { action: "plugin::users-permissions.user.find", role: role.id } })
    const auth = { Authorization: `Bearer ${TOKEN}` }
    expect((await http.get("/api/users").set(auth)).status).toBe(200)

    const { restrictContentApiAccess } = require(
      join(cms.distDir, "src", "access", "content-api-access.js")
    )
    await restrictContentApiAccess(cms.strapi)
    await http.get("/api/users").set(auth).expect(403)
    await http.get("/api/users").expect(403)
    await http.get("/api/upload/files").set(auth).expect(403)
    await http.get("/api/articles").set(auth).expect(200)
  })

  it("refuses sign-ups on the CMS", async () => {
    const res = await http
      .post("/api/auth/local/register")
      .send({ username: "intruder", email: "intruder@example.com", password: "Intruder12345" })
    expect(res.status).toBe(403)
    expect(await cms.strapi.db.query("plugin::users-permissions.user").count()).toBe(0)
    const advanced = await cms.strapi
      .store({ type: "plugin", name: "users-permissions" })
      .get({ key: "advanced" })
    expect(advanced.allow_register).toBe(false)
  })

  it("allows cross-origin calls from the configured shop and admin origins only", async () => {
    const preflight = (origin) =>
      http.options("/api/articles").set({ Origin: origin, "Access-Control-Request-Method": "GET" })
    for (const origin of [SHOP, CMS]) {
      const res = await preflight(origin)
      expect([origin, res.headers["access-control-allow-origin"]]).toEqual([origin, origin])
    }
    for (const origin of ["https://evil.example", "http://shop.test.evil.example", "null"]) {
      const res = await preflight(origin)
      expect([origin, res.headers["access-control-allow-origin"]]).toEqual([origin, undefined])
      const get = await http.get("/api/articles").set({ Origin: origin })
      expect([origin, get.headers["access-control-allow-origin"]]).toEqual([origin, undefined])
    }
  })

  it("sends security headers and does not advertise Strapi", async () => {
    const res = await http.get("/api/articles").expect(200)
    expect(res.headers["x-powered-by"]).toBeUndefined()
    expect(res.headers["x-content-type-options"]).toBe("nosniff")
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN")
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'")
  })
})
