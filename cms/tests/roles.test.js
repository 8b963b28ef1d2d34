const path = require("path")
const request = require("supertest")
const { startCms } = require("./strapi-harness")

const TOKEN = "dev-storefront-read-token-0123456789abcdef"
const collection = (uid) => `/content-manager/collection-types/${uid}`
const ARTICLES = collection("api::article.article")

/** The editorial types besides articles: a draft of each, as the admin's form sends it. */
const EDITORIAL = [
  {
    what: "pages",
    uid: "api::page.page",
    draft: (n) => ({ slug: `terms-draft-${n}`, title: `会员协议草稿${n}`, body: "正文" }),
  },
  {
    what: "banners",
    uid: "api::banner.banner",
    draft: (n) => ({ title: `双十二基因检测专场${n}`, link: "/products", placement: "home_hero" }),
  },
]

/** Strapi's admin endpoints for people and access: for 超级管理员 only. */
const ADMIN_ONLY = [
  ["GET", "/admin/users"],
  ["POST", "/admin/users", { email: "x@health.local", firstname: "x", roles: [1] }],
  ["GET", "/admin/roles"],
  ["POST", "/admin/roles", { name: "自建角色" }],
  ["GET", "/admin/api-tokens"],
  ["POST", "/admin/api-tokens", { name: "偷偷建的", type: "full-access", lifespan: null }],
]

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
  const create = (who, uid, data) => http.post(collection(uid)).set(as(who)).send(data)
  const publishOf = (who, uid, documentId) =>
    http
      .post(`${collection(uid)}/${documentId}/actions/publish`)
      .set(as(who))
      .send({})
  const isPublished = async (uid, documentId) =>
    !!(await cms.strapi.documents(uid).findOne({ documentId, status: "published" }))
  const call = (who, [method, url, body]) => {
    const req = http[method.toLowerCase()](url).set(as(who))
    return body ? req.send(body) : req
  }

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

  it("lets 超级管理员 write and publish every editorial type", async () => {
    const { body } = await draft("admin", "冬季进补指南", "winter-tonic").expect(201)
    await publish("admin", body.data.documentId).expect(200)
    expect(await isPublished("api::article.article", body.data.documentId)).toBe(true)
    for (const type of EDITORIAL) {
      const created = await create("admin", type.uid, type.draft("admin")).expect(201)
      await publishOf("admin", type.uid, created.body.data.documentId).expect(200)
      expect(await isPublished(type.uid, created.body.data.documentId)).toBe(true)
    }
  })

  it("opens users, roles and API tokens to 超级管理员 only", async () => {
    for (const [method, url] of ADMIN_ONLY.filter(([method]) => method === "GET")) {
      await call("admin", [method, url]).expect(200)
    }
    for (const who of ["editor", "author"]) {
      for (const endpoint of ADMIN_ONLY) {
        const res = await call(who, endpoint)
        expect([who, ...endpoint.slice(0, 2), res.status]).toEqual([
          who,
          ...endpoint.slice(0, 2),
          403,
        ])
      }
      // Nor can they widen their own role.
      const role = await cms.strapi
        .service("admin::role")
        .findOne({ code: who === "editor" ? "strapi-editor" : "strapi-author" })
      await http
        .put(`/admin/roles/${role.id}/permissions`)
        .set(as(who))
        .send({ permissions: [] })
        .expect(403)
    }
    expect(await cms.strapi.db.query("admin::role").count()).toBe(3)
    expect(
      await cms.strapi.db.query("admin::api-token").count({ where: { name: "偷偷建的" } })
    ).toBe(0)
    expect(
      await cms.strapi.db.query("admin::user").count({ where: { email: "x@health.local" } })
    ).toBe(0)
  })

  for (const type of EDITORIAL) {
    it(`${type.what}: a 内容编辑 drafts and edits only their own, a 内容审核 publishes`, async () => {
      const mine = await create("author", type.uid, type.draft("author")).expect(201)
      const { documentId } = mine.body.data
      expect(mine.body.data.publishedAt).toBeNull()
      await http
        .put(`${collection(type.uid)}/${documentId}`)
        .set(as("author"))
        .send({ title: `${mine.body.data.title}（改）` })
        .expect(200)
      await publishOf("author", type.uid, documentId).expect(403)
      expect(await isPublished(type.uid, documentId)).toBe(false)

      const theirs = await create("author2", type.uid, type.draft("author2")).expect(201)
      await http
        .put(`${collection(type.uid)}/${theirs.body.data.documentId}`)
        .set(as("author"))
        .send({ title: "被改掉的标题" })
        .expect(403)
      await http
        .delete(`${collection(type.uid)}/${theirs.body.data.documentId}`)
        .set(as("author"))
        .expect(403)

      await http
        .put(`${collection(type.uid)}/${documentId}`)
        .set(as("editor"))
        .send({ title: `${mine.body.data.title}（审）` })
        .expect(200)
      await publishOf("editor", type.uid, documentId).expect(200)
      const published = await cms.strapi
        .documents(type.uid)
        .findOne({ documentId, status: "published" })
      expect(published.title).toBe(`${mine.body.data.title}（审）`)
    })
  }

  it("gives a content type added after the first start to 内容审核 and 内容编辑, once", async () => {
    // As if banners were added later: Strapi granted the roles nothing on them.
    const permissions = cms.strapi.db.query("admin::permission")
    const roles = cms.strapi.service("admin::role")
    const editorRole = await roles.findOne({ code: "strapi-editor" })
    const authorRole = await roles.findOne({ code: "strapi-author" })
    const BANNERS = "api::banner.banner"
    await permissions.deleteMany({
      where: { subject: BANNERS, role: { id: { $in: [editorRole.id, authorRole.id] } } },
    })
    await create("editor", BANNERS, { title: "新类型横幅" }).expect(403)

    const { seed } = require(path.join(cms.distDir, "src", "seed", "seed.js"))
    await seed(cms.strapi)
    const held = async (role) =>
      (await permissions.findMany({ where: { subject: BANNERS, role: role.id } }))
        .map(
          (p) =>
            `${p.action.replace("plugin::content-manager.explorer.", "")}:${p.conditions.join(",")}`
        )
        .sort()
    expect(await held(editorRole)).toEqual(["create:", "delete:", "publish:", "read:", "update:"])
    expect(await held(authorRole)).toEqual([
      "create:admin::is-creator",
      "delete:admin::is-creator",
      "read:admin::is-creator",
      "update:admin::is-creator",
    ])

    const theirs = await create("author", BANNERS, { title: "新类型横幅" }).expect(201)
    await publishOf("author", BANNERS, theirs.body.data.documentId).expect(403)
    await publishOf("editor", BANNERS, theirs.body.data.documentId).expect(200)

    // Seeding again adds nothing: every role keeps exactly the permissions it has.
    const before = await permissions.count()
    await seed(cms.strapi)
    expect(await permissions.count()).toBe(before)
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
