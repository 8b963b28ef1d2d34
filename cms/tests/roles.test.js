const path = require("path")
const request = require("supertest")
const { startCms } = require("./strapi-harness")

const TOKEN = "dev-storefront-read-token-0123456789abcdef"
const ARTICLES = "/content-manager/collection-types/api::article.article"

describe("who may do what in the CMS: 内容编辑, 内容审核, 超级管理员 and the storefront token", () => {
  let cms
  let http
  const jwt = {}

  const signIn = async (email, password) => {
    const res = await http.post("/admin/login").send({ email, password }).expect(200)
    return res.body.data.token
  }
  const as = (who) => ({ Authorization: `Bearer ${jwt[who]}` })
  const draft = (who, title, slug) =>
    http
      .post(ARTICLES)
      .set(as(who))
      .send({ title, slug, summary: `${title}的摘要` })
  const publish = (who, documentId) =>
    http.post(`${ARTICLES}/${documentId}/actions/publish`).set(as(who)).send({})
  const edit = (who, documentId, data) =>
    http.put(`${ARTICLES}/${documentId}`).set(as(who)).send(data)

  beforeAll(async () => {
    delete process.env.CMS_API_TOKEN
    process.env.COMMERCE_CMS_HOOK_URL = "off"
    cms = await startCms()
    http = request(cms.strapi.server.httpServer)
    jwt.admin = await signIn("admin@health.local", "Admin12345")
    jwt.editor = await signIn("editor@health.local", "Editor12345")
    jwt.author = await signIn("author@health.local", "Author12345")
    // A second 内容编辑, to check authors keep to their own drafts.
    const authorRole = await cms.strapi.service("admin::role").findOne({ code: "strapi-author" })
    await cms.strapi.service("admin::user").create({
      email: "author2@health.local",
      firstname: "编辑",
      lastname: "二",
      password: "Author12345",
      registrationToken: null,
      isActive: true,
      roles: [authorRole.id],
    })
    jwt.author2 = await signIn("author2@health.local", "Author12345")
  })

  afterAll(async () => {
    await cms?.stop()
  })

  it("names Strapi's built-in roles in Chinese and gives each demo login its role", async () => {
    const { body } = await http.get("/admin/roles").set(as("admin")).expect(200)
    const byCode = Object.fromEntries(body.data.map((role) => [role.code, role.name]))
    expect(byCode).toMatchObject({
      "strapi-super-admin": "超级管理员",
      "strapi-editor": "内容审核",
      "strapi-author": "内容编辑",
    })
    const me = async (who) => (await http.get("/admin/users/me").set(as(who)).expect(200)).body.data
    for (const [who, role] of [
      ["admin", "超级管理员"],
      ["editor", "内容审核"],
      ["author", "内容编辑"],
    ]) {
      const user = await me(who)
      expect(user.roles.map((r) => r.name)).toEqual([role])
      // Their admin opens in Simplified Chinese.
      expect(user.preferedLanguage).toBe("zh-Hans")
    }
  })

  it("renames idempotently and keeps a name an admin chose", async () => {
    const roles = cms.strapi.service("admin::role")
    const editor = await roles.findOne({ code: "strapi-editor" })
    await roles.update({ id: editor.id }, { name: "审稿组" })
    const { seed } = require(path.join(cms.distDir, "src", "seed", "seed.js"))
    await seed(cms.strapi)
    expect((await roles.findOne({ code: "strapi-editor" })).name).toBe("审稿组")
    expect((await roles.findOne({ code: "strapi-author" })).name).toBe("内容编辑")
    expect(await cms.strapi.db.query("admin::role").count()).toBe(3)
    expect(
      await cms.strapi.db
        .query("admin::user")
        .count({ where: { email: { $in: ["editor@health.local", "author@health.local"] } } })
    ).toBe(2)
    await roles.update({ id: editor.id }, { name: "内容审核" })
  })

  it("lets a 内容编辑 write and edit their own draft but not publish it", async () => {
    const created = await draft("author", "春季养肝小贴士", "spring-liver-tips").expect(201)
    const { documentId } = created.body.data
    expect(created.body.data.publishedAt).toBeNull()

    await edit("author", documentId, { title: "春季养肝的三个小贴士" }).expect(200)
    await publish("author", documentId).expect(403)

    const published = await cms.strapi
      .documents("api::article.article")
      .findOne({ documentId, status: "published" })
    expect(published).toBeNull()
  })

  it("keeps a 内容编辑 away from another editor's drafts", async () => {
    const theirs = await draft("author2", "夏季防暑指南", "summer-heat-guide").expect(201)
    const { documentId } = theirs.body.data
    await edit("author", documentId, { title: "被改掉的标题" }).expect(403)
    await http.delete(`${ARTICLES}/${documentId}`).set(as("author")).expect(403)
    await http.get(`${ARTICLES}/${documentId}`).set(as("author")).expect(403)
    const stored = await cms.strapi.documents("api::article.article").findOne({ documentId })
    expect(stored.title).toBe("夏季防暑指南")
  })

  it("lets a 内容审核 edit anyone's draft and publish it", async () => {
    const { body } = await draft("author", "秋季润燥食谱", "autumn-recipes").expect(201)
    const { documentId } = body.data
    await edit("editor", documentId, { title: "秋季润燥食谱（审核版）" }).expect(200)
    const published = await publish("editor", documentId).expect(200)
    expect(published.body.data.publishedAt).toEqual(expect.any(String))

    const storefront = await http
      .get("/api/articles?filters[slug][$eq]=autumn-recipes")
      .set({ Authorization: `Bearer ${TOKEN}` })
      .expect(200)
    expect(storefront.body.data.map((a) => a.title)).toEqual(["秋季润燥食谱（审核版）"])
  })

  it("gives the storefront token published articles only, and no writes", async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` }
    const { body } = await http
      .get("/api/articles?pagination[pageSize]=100&status=draft")
      .set(auth)
      .expect(200)
    const slugs = body.data.map((a) => a.slug)
    expect(slugs).toEqual(expect.arrayContaining(["qixu-tiaoyang", "autumn-recipes"]))
    expect(slugs).not.toContain("spring-liver-tips")
    expect(slugs).not.toContain("summer-heat-guide")
    expect(body.data.every((a) => a.publishedAt)).toBe(true)
    // Nor the public, however it asks.
    const publicDrafts = await http
      .get("/api/articles?status=draft&filters[slug][$eq]=spring-liver-tips")
      .expect(200)
    expect(publicDrafts.body.data).toEqual([])

    const id = body.data[0].documentId
    await http
      .post("/api/articles")
      .set(auth)
      .send({ data: { title: "x", slug: "token-write" } })
      .expect(403)
    await http
      .put(`/api/articles/${id}`)
      .set(auth)
      .send({ data: { title: "被篡改" } })
      .expect(403)
    await http.delete(`/api/articles/${id}`).set(auth).expect(403)
    // The token is for the content API only, never the admin's.
    await http.get(ARTICLES).set(auth).expect(401)
  })
})
