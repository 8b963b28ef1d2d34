const request = require("supertest")
const { standardQuestionnaireItems } = require("@health/contracts")
const ccmq = require("@health/contracts/ccmq.json")
const { startCms } = require("./strapi-harness")

const TOKEN = "dev-storefront-read-token-0123456789abcdef"
const VERSION = "api::questionnaire-version.questionnaire-version"

/** Version 2 as an editor writes it: q02 no longer counts for 气虚质, a new q61 does. */
const version2Items = () => [
  ...standardQuestionnaireItems(ccmq).map((item) =>
    item.code === "q02" ? { ...item, types: ["pinghe"] } : item
  ),
  {
    code: "q61",
    text: "您稍微活动就觉得乏力吗？",
    sex: "all",
    types: ["qixu"],
    reverse_in: [],
    sort: 61,
  },
]

describe("the question bank's versions (体质问卷版本)", () => {
  let cms
  let versions

  beforeAll(async () => {
    delete process.env.CMS_API_TOKEN
    cms = await startCms()
    versions = cms.strapi.documents(VERSION)
  })

  afterAll(async () => {
    await cms?.stop()
  })

  it("seeds the standard as published version 1, which the storefront token reads with its items", async () => {
    const res = await request(cms.strapi.server.httpServer)
      .get("/api/questionnaire-versions?populate[items]=true&sort=number:asc")
      .set("Authorization", `Bearer ${TOKEN}`)
      .expect(200)
    expect(res.body.data).toHaveLength(1)
    const [v1] = res.body.data
    expect(v1).toMatchObject({ number: 1, label: "ZYYXH/T157-2009" })
    expect(v1.items).toHaveLength(60)
    expect(v1.items.find((item) => item.code === "q02")).toMatchObject({
      types: ["pinghe", "qixu"],
      reverse_in: ["pinghe"],
    })
  })

  it("refuses to change, withdraw or delete a published version, in Chinese, and keeps it as it was", async () => {
    const v1 = await versions.findFirst({ filters: { number: 1 }, status: "published" })
    const frozen = "第 1 版体质问卷已发布，不能再修改"
    await expect(
      versions.update({ documentId: v1.documentId, status: "draft", data: { label: "改过" } })
    ).rejects.toThrow(frozen)
    await expect(
      versions.update({ documentId: v1.documentId, status: "published", data: { items: [] } })
    ).rejects.toThrow(frozen)
    await expect(versions.publish({ documentId: v1.documentId })).rejects.toThrow(frozen)
    const kept = "已发布的体质问卷版本不能撤回或删除"
    await expect(versions.unpublish({ documentId: v1.documentId })).rejects.toThrow(kept)
    await expect(versions.delete({ documentId: v1.documentId })).rejects.toThrow(kept)

    const still = await versions.findOne({
      documentId: v1.documentId,
      status: "published",
      populate: ["items"],
    })
    expect(still.label).toBe("ZYYXH/T157-2009")
    expect(still.items).toHaveLength(60)
  })

  it("a change is a new version: drafted freely, checked when published, then frozen too", async () => {
    const draft = await versions.create({
      data: { number: 2, label: "2027 年修订版", items: version2Items().slice(0, 5) },
      status: "draft",
    })
    // Five items leave most types without a question: not scorable, not published.
    await expect(versions.publish({ documentId: draft.documentId })).rejects.toThrow(
      "该版本不能发布：女性作答时以下体质没有题目"
    )
    await versions.update({
      documentId: draft.documentId,
      status: "draft",
      data: {
        items: version2Items().map((item) =>
          item.code === "q61" ? { ...item, types: ["wuxing"] } : item
        ),
      },
    })
    await expect(versions.publish({ documentId: draft.documentId })).rejects.toThrow(
      "q61：计分体质须为 pinghe"
    )
    await versions.update({
      documentId: draft.documentId,
      status: "draft",
      data: { items: version2Items() },
    })
    await versions.publish({ documentId: draft.documentId })
    const published = await versions.findOne({
      documentId: draft.documentId,
      status: "published",
      populate: ["items"],
    })
    expect(published.items.find((item) => item.code === "q61")).toMatchObject({ types: ["qixu"] })
    await expect(
      versions.update({ documentId: draft.documentId, status: "draft", data: { label: "再改" } })
    ).rejects.toThrow("第 2 版体质问卷已发布，不能再修改")
  })

  it("refuses to publish a version numbered at or below the newest published one", async () => {
    // Drafts are not validated by Strapi: the number is checked when publishing.
    const zero = await versions.create({
      data: { number: 0, label: "补录版", items: version2Items() },
      status: "draft",
    })
    await expect(versions.publish({ documentId: zero.documentId })).rejects.toThrow(
      "版本号须为正整数"
    )
    await versions.create({
      data: { number: 5, label: "第五版", items: version2Items() },
      status: "published",
    })
    const behind = await versions.create({
      data: { number: 4, label: "第四版", items: version2Items() },
      status: "draft",
    })
    await expect(versions.publish({ documentId: behind.documentId })).rejects.toThrow(
      "版本号须大于已发布的最高版本（第 5 版）"
    )
  })
})
