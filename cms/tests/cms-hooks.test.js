const http = require("http")
const path = require("path")
const { createHmac } = require("crypto")
const { startCms } = require("./strapi-harness")

const SECRET = "test-cms-webhook-secret"

/** A stand-in for commerce's POST /hooks/cms that records what it receives. */
function startReceiver() {
  const received = []
  const server = http.createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) })
      res.statusCode = 202
      res.end("{}")
    })
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, received }))
  )
}

async function waitFor(find) {
  const deadline = Date.now() + 20_000
  for (;;) {
    const found = find()
    if (found || Date.now() > deadline) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe("signed content events to commerce", () => {
  let cms
  let receiver

  beforeAll(async () => {
    receiver = await startReceiver()
    process.env.COMMERCE_CMS_HOOK_URL = `http://127.0.0.1:${receiver.server.address().port}/hooks/cms`
    process.env.CMS_WEBHOOK_SECRET = SECRET
    cms = await startCms()
  })

  afterAll(async () => {
    await cms?.stop()
    receiver?.server.close()
  })

  const hookFor = (documentId, event) =>
    waitFor(() =>
      receiver.received.find((r) => r.body.document_id === documentId && r.body.event === event)
    )

  it("never signs or encrypts with a published default, and production refuses to start without secrets", () => {
    const { cmsWebhookSecret } = require(path.join(cms.distDir, "src", "hooks", "sign-cms-hook.js"))
    const { assertProductionSecrets, CMS_SECRETS } = require(
      path.join(cms.distDir, "src", "secret-from-env.js")
    )
    const made = cmsWebhookSecret({ NODE_ENV: "test" })
    expect(made).toMatch(/^[0-9a-f]{64}$/)
    expect(made).not.toBe("dev-cms-webhook-secret")
    expect(cms.strapi.config.get("admin.auth.secret")).not.toMatch(/^dev-/)
    expect(cms.strapi.config.get("server.app.keys").join(",")).not.toMatch(/dev-app-key/)
    expect(() => assertProductionSecrets({ NODE_ENV: "production", APP_KEYS: "a,b" })).toThrow(
      "ADMIN_JWT_SECRET, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY, JWT_SECRET, CMS_WEBHOOK_SECRET not set"
    )
    const all = Object.fromEntries(CMS_SECRETS.map((name) => [name, "x".repeat(40)]))
    expect(() => assertProductionSecrets({ NODE_ENV: "production", ...all })).not.toThrow()
  })

  it("signs HMAC-SHA256 over timestamp.body in hex", () => {
    const { signCmsHook, signedHeaders } = require(
      path.join(cms.distDir, "src", "hooks", "sign-cms-hook.js")
    )
    const expected = createHmac("sha256", "s").update('1700000000.{"a":1}').digest("hex")
    expect(signCmsHook("s", 1700000000, '{"a":1}')).toBe(expected)
    expect(signedHeaders("s", '{"a":1}', 1700000000_123)).toEqual({
      "content-type": "application/json",
      "x-cms-timestamp": "1700000000",
      "x-cms-signature": expected,
    })
  })

  it("sends publish with the article's flags and tags, then update, unpublish and delete", async () => {
    const articles = cms.strapi.documents("api::article.article")
    const [qixu] = await cms.strapi.documents("api::tag.tag").findMany({
      filters: { slug: "qixu" },
    })
    const draft = await articles.create({
      data: {
        title: "秋季气虚调养",
        slug: "qiuji-qixu",
        summary: "补气健脾",
        publish_to_microsite: true,
        push_on_publish: true,
        tags: [qixu.documentId],
      },
    })
    await articles.publish({ documentId: draft.documentId })

    const published = await hookFor(draft.documentId, "entry.publish")
    expect(published).toBeDefined()
    const { headers, raw, body } = published
    const age = Math.abs(Date.now() / 1000 - Number(headers["x-cms-timestamp"]))
    expect(age).toBeLessThan(60)
    expect(headers["x-cms-signature"]).toBe(
      createHmac("sha256", SECRET).update(`${headers["x-cms-timestamp"]}.${raw}`).digest("hex")
    )
    expect(body).toMatchObject({
      model: "article",
      entry: {
        documentId: draft.documentId,
        slug: "qiuji-qixu",
        publish_to_microsite: true,
        push_on_publish: true,
      },
    })
    expect(body.entry.tags.map((tag) => tag.slug)).toEqual(["qixu"])

    await articles.update({ documentId: draft.documentId, data: { summary: "补气健脾，少熬夜" } })
    expect(await hookFor(draft.documentId, "entry.update")).toBeDefined()
    await articles.unpublish({ documentId: draft.documentId })
    expect(await hookFor(draft.documentId, "entry.unpublish")).toBeDefined()
    await articles.delete({ documentId: draft.documentId })
    const deleted = await hookFor(draft.documentId, "entry.delete")
    expect(deleted.body).toMatchObject({ model: "article", entry: null })
  })

  const articleData = (slug) => ({
    title: `事务中的文章 ${slug}`,
    slug,
    summary: "补气",
    publish_to_microsite: true,
    push_on_publish: true,
  })

  it("announces the admin's 发布 (create and publish in one transaction) with the committed article", async () => {
    const articles = cms.strapi.documents("api::article.article")
    const [qixu] = await cms.strapi.documents("api::tag.tag").findMany({
      filters: { slug: "qixu" },
    })
    let documentId
    // As the content manager's publish action: one transaction, and more work after the
    // publish, so a read of the entry started at publish time would straddle the commit.
    await cms.strapi.db.transaction(async () => {
      const draft = await articles.create({
        data: { ...articleData("in-transaction"), tags: [qixu.documentId] },
      })
      documentId = draft.documentId
      await articles.publish({ documentId })
      for (let i = 0; i < 20; i++) {
        await cms.strapi.db.query("api::article.article").findMany({ limit: 1 })
      }
    })
    const published = await hookFor(documentId, "entry.publish")
    expect(published.body.entry).toMatchObject({
      documentId,
      slug: "in-transaction",
      publish_to_microsite: true,
      push_on_publish: true,
      publishedAt: expect.any(String),
    })
    expect(published.body.entry.tags.map((tag) => tag.slug)).toEqual(["qixu"])
  })

  it("announces nothing when the transaction that published is rolled back", async () => {
    const articles = cms.strapi.documents("api::article.article")
    let documentId
    await expect(
      cms.strapi.db.transaction(async () => {
        const created = await articles.create({
          data: articleData("rolled-back"),
          status: "published",
        })
        documentId = created.documentId
        throw new Error("the editor's request failed after publishing")
      })
    ).rejects.toThrow("the editor's request failed after publishing")
    expect(documentId).toEqual(expect.any(String))
    expect(await articles.findOne({ documentId })).toBeNull()
    // A later, committed change is announced; the rolled-back one never was.
    const [site] = await cms.strapi.documents("api::collection-site.collection-site").findMany({})
    await cms.strapi
      .documents("api::collection-site.collection-site")
      .update({ documentId: site.documentId, data: { hours: "08:00-17:30" } })
    const later = await waitFor(() =>
      receiver.received.find(
        (r) => r.body.document_id === site.documentId && r.body.entry?.hours === "08:00-17:30"
      )
    )
    expect(later).toBeDefined()
    expect(receiver.received.filter((r) => r.body.document_id === documentId)).toEqual([])
  })

  it("tells commerce about sites too (search and storefront), by their singular name", async () => {
    const [site] = await cms.strapi.documents("api::collection-site.collection-site").findMany({})
    await cms.strapi
      .documents("api::collection-site.collection-site")
      .update({ documentId: site.documentId, data: { phone: "0730-8888888" } })
    const hook = await hookFor(site.documentId, "entry.update")
    expect(hook.body.model).toBe("collection-site")
  })

  it("announces a 专题页's publish and unpublish with its slug (commerce expires cms:landing-page:<slug>)", async () => {
    const pages = cms.strapi.documents("api::landing-page.landing-page")
    const draft = await pages.create({
      data: {
        title: "秋季体检专题",
        slug: "autumn-checkup",
        sections: [{ __component: "landing.rich-text", body: "秋季体检**八折**" }],
      },
    })
    await pages.publish({ documentId: draft.documentId })
    const published = await hookFor(draft.documentId, "entry.publish")
    expect(published.body).toMatchObject({
      model: "landing-page",
      entry: { slug: "autumn-checkup", title: "秋季体检专题" },
    })
    await pages.unpublish({ documentId: draft.documentId })
    const unpublished = await hookFor(draft.documentId, "entry.unpublish")
    expect(unpublished.body.entry.slug).toBe("autumn-checkup")
  })
})
