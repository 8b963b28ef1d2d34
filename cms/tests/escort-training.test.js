const path = require("path")
const request = require("supertest")
const { startCms } = require("./strapi-harness")

const STOREFRONT_TOKEN = "dev-storefront-read-token-0123456789abcdef"
const TRAINING_TOKEN = "dev-training-read-token-0123456789abcdef"

/** What commerce's sync asks for (commerce/src/lib/cms/training-course-source.ts). */
const COURSES =
  "/api/courses?populate[lessons][populate][images]=true&populate[exam]=true" +
  "&populate[hospital]=true&populate[department]=true&sort=sort:asc"
const QUESTIONS =
  "/api/exam-questions?populate[options]=true&populate[course]=true&sort=sort:asc&pagination[pageSize]=100"

describe("escort training courses and the exam question bank in the CMS", () => {
  let cms
  let api

  beforeAll(async () => {
    delete process.env.CMS_API_TOKEN
    delete process.env.CMS_TRAINING_TOKEN
    cms = await startCms()
    api = request(cms.strapi.server.httpServer)
  })

  afterAll(async () => {
    await cms?.stop()
  })

  const bearer = (token) => ({ authorization: `Bearer ${token}` })

  it("seeds the required course 《陪诊服务规范与患者隐私》 with lessons and exam settings, read with commerce's training token", async () => {
    const { body } = await api.get(COURSES).set(bearer(TRAINING_TOKEN)).expect(200)
    const course = body.data.find((c) => c.title === "陪诊服务规范与患者隐私")
    expect(course).toMatchObject({
      required_for_first_task: true,
      refresher_months: 12,
      exam: { pass_mark_percent: 80, question_count: 10, retry_cooldown_minutes: 30 },
    })
    expect(course.lessons.length).toBeGreaterThanOrEqual(3)
    expect(course.lessons[1].title).toContain("隐私")
    expect(course.lessons[1].body).toContain("敏感个人信息")
  })

  it("seeds at least 10 questions for it, each single-choice one with exactly one right option and each multiple-choice one with at least one", async () => {
    const { body: courses } = await api.get(COURSES).set(bearer(TRAINING_TOKEN)).expect(200)
    const required = courses.data.find((c) => c.required_for_first_task)
    const { body } = await api.get(QUESTIONS).set(bearer(TRAINING_TOKEN)).expect(200)
    const bank = body.data.filter((q) => q.course?.documentId === required.documentId)
    expect(bank.length).toBeGreaterThanOrEqual(10)
    expect(bank.some((q) => q.kind === "multiple")).toBe(true)
    for (const question of bank) {
      const right = question.options.filter((o) => o.correct).length
      if (question.kind === "single") expect(right).toBe(1)
      else expect(right).toBeGreaterThanOrEqual(1)
      expect(question.options.length).toBeGreaterThanOrEqual(2)
      expect(question.explanation).toBeTruthy()
    }
  })

  it("keeps the bank and the courses from the public and from the storefront token", async () => {
    for (const path of ["/api/exam-questions", "/api/courses"]) {
      const anonymous = await api.get(path)
      expect([401, 403]).toContain(anonymous.status)
      const storefront = await api.get(path).set(bearer(STOREFRONT_TOKEN))
      expect([401, 403]).toContain(storefront.status)
    }
    // The training token reads, and only reads.
    const write = await api
      .post("/api/exam-questions")
      .set(bearer(TRAINING_TOKEN))
      .send({ data: { code: "x", stem: "x", kind: "single" } })
    expect([401, 403]).toContain(write.status)
    const articles = await api.get("/api/articles").set(bearer(TRAINING_TOKEN))
    expect([401, 403]).toContain(articles.status)
  })

  it("a second seed run creates nothing twice and keeps an editor's change", async () => {
    const questions = cms.strapi.documents("api::exam-question.exam-question")
    const edited = await questions.findFirst({ filters: { code: "privacy-01" } })
    await questions.update({
      documentId: edited.documentId,
      data: { explanation: "编辑改过的解析" },
    })
    const before = await questions.count({})
    const { seed } = require(path.join(cms.distDir, "src", "seed", "seed.js"))
    await seed(cms.strapi)
    expect(await questions.count({})).toBe(before)
    const again = await questions.findFirst({ filters: { code: "privacy-01" } })
    expect(again.explanation).toBe("编辑改过的解析")
  })
})
