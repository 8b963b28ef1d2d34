import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import Redis from "ioredis"
import { standardQuestionnaireItems, type QuestionBankItem } from "@health/contracts"
import ccmq from "@health/contracts/ccmq.json"
import { signCmsHook } from "../../src/lib/cms/cms-hook-signature"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { freePortSync } from "../helpers/free-port"

jest.setTimeout(180_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
const SECRET = "questionnaire-versions-spec-webhook-secret"
// The CMS stand-in listens here; the app reads the question bank from it.
const CMS_PORT = freePortSync()
process.env.CMS_URL = `http://127.0.0.1:${CMS_PORT}`

type Headers = { headers: Record<string, string> }
const noThrow = { validateStatus: () => true }

/**
 * Version 2 as an editor publishes it: 容易疲乏 (q02) no longer counts for 气虚质, which gets
 * a new item, q61, instead.
 */
const version2 = (): QuestionBankItem[] => [
  ...standardQuestionnaireItems(ccmq).map((item) =>
    item.code === "q02" ? { ...item, types: ["pinghe" as const] } : item
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

/** Strapi 5's REST answer for published versions with their items (a repeatable component). */
function startCmsStandIn(state: { versions: { number: number; items: QuestionBankItem[] }[] }) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://cms")
    if (url.pathname !== "/api/questionnaire-versions") {
      res.writeHead(404, { "content-type": "application/json" })
      res.end(JSON.stringify({ data: null, error: { status: 404, name: "NotFoundError" } }))
      return
    }
    const data = state.versions.map(({ number, items }) => ({
      id: number,
      documentId: `qv-${number}`,
      number,
      label: number === 1 ? "ZYYXH/T157-2009" : `2027 年修订版（第 ${number} 版）`,
      publishedAt: "2027-01-05T02:00:00.000Z",
      items: items.map((item, index) => ({ id: index + 1, ...item })),
    }))
    res.writeHead(200, { "content-type": "application/json" })
    res.end(
      JSON.stringify({ data, meta: { pagination: { page: 1, pageCount: 1, total: data.length } } })
    )
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { CMS_WEBHOOK_SECRET: SECRET },
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    const cmsState = { versions: [{ number: 1, items: standardQuestionnaireItems(ccmq) }] }
    let cms: Server
    let store: Headers

    beforeAll(async () => {
      cms = startCmsStandIn(cmsState)
      await new Promise<void>((resolve) => cms.listen(CMS_PORT, "127.0.0.1", resolve))
      // Again here: a file run before this one on the same app may have pointed it elsewhere.
      process.env.CMS_URL = `http://127.0.0.1:${CMS_PORT}`
    })

    beforeEach(async () => {
      store = { headers: { "x-publishable-api-key": await createPublishableKey(getContainer()) } }
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const publishInCms = async () => {
      cmsState.versions = [...cmsState.versions, { number: 2, items: version2() }]
      const raw = JSON.stringify({
        event: "entry.publish",
        model: "questionnaire-version",
        document_id: "qv-2",
        entry: { documentId: "qv-2", number: 2 },
      })
      const at = Math.floor(Date.now() / 1000)
      return api.post("/hooks/cms", raw, {
        headers: {
          "content-type": "application/json",
          "x-cms-timestamp": String(at),
          "x-cms-signature": signCmsHook(SECRET, at, raw),
        },
        transformRequest: [(data: unknown) => data],
      })
    }
    const questionnaire = async (query = "") =>
      (await api.get(`/store/constitution/questionnaire${query}`, store)).data.questionnaire
    /** Every item asked answered 1 (没有), except 容易疲乏 (q02): 5 (总是). */
    const tiredSheet = (items: { code: string }[]) => ({
      ...Object.fromEntries(items.map((item) => [item.code, 1])),
      q02: 5,
    })

    it("a version published in the CMS scores the next assessment and leaves the earlier result as it was", async () => {
      const member = await registerCustomer(
        api,
        store.headers["x-publishable-api-key"],
        `qv-${randomUUID()}@example.com`
      )
      const v1 = await questionnaire()
      expect(v1).toMatchObject({ version: 1, label: "ZYYXH/T157-2009" })
      expect(v1.items).toHaveLength(60)
      const before = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: tiredSheet(v1.items), questionnaire_version: 1 },
        member
      )
      expect(before.status).toBe(201)
      // 气虚质 under the standard: (1×7 + 5 − 8) / 32 × 100.
      expect(before.data.assessment).toMatchObject({
        questionnaire_version: 1,
        item_version: "ZYYXH/T157-2009",
        scores: { qixu: 12.5 },
      })

      const hook = await publishInCms()
      expect(hook.status).toBe(202)
      expect(hook.data.jobs).toContain("cms/sync-constitution-questionnaires")
      const v2 = await eventually(
        () => questionnaire(),
        (current) => current.version === 2
      )
      expect(v2.label).toBe("2027 年修订版（第 2 版）")
      expect(v2.items.find((item: QuestionBankItem) => item.code === "q61")).toMatchObject({
        text: "您稍微活动就觉得乏力吗？",
        types: ["qixu"],
      })

      // The same person, the same answers, the new version: q02 no longer makes them 气虚.
      const after = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: tiredSheet(v2.items), questionnaire_version: 2 },
        member
      )
      expect(after.status).toBe(201)
      expect(after.data.assessment).toMatchObject({
        questionnaire_version: 2,
        item_version: "2027 年修订版（第 2 版）",
        scores: { qixu: 0 },
      })

      // The earlier result keeps its score and its version, whose questions are still there.
      const earlier = await api.get(
        `/store/constitution/assessments/${before.data.assessment.id}`,
        member
      )
      expect(earlier.data.assessment).toMatchObject({
        questionnaire_version: 1,
        item_version: "ZYYXH/T157-2009",
        scores: { qixu: 12.5 },
      })
      const answeredIn = await questionnaire("?version=1")
      expect(answeredIn.items).toHaveLength(60)
      expect(answeredIn.items.find((item: QuestionBankItem) => item.code === "q02").types).toEqual([
        "pinghe",
        "qixu",
      ])
      const { data: history } = await api.get("/store/constitution/assessments", member)
      expect(
        history.assessments.map(
          (a: { questionnaire_version: number; scores: { qixu: number } }) => [
            a.questionnaire_version,
            a.scores.qixu,
          ]
        )
      ).toEqual([
        [2, 0],
        [1, 12.5],
      ])

      // An expert reads the earlier answers with the earlier version's questions.
      const expert = await adminHeaders(
        getContainer(),
        api as never,
        `expert-${randomUUID()}@health.local`,
        ["expert"]
      )
      const { data: staffView } = await api.get(
        `/admin/constitution/assessments/${before.data.assessment.id}`,
        expert
      )
      expect(staffView.assessment.questionnaire_version).toBe(1)
      expect(staffView.assessment.questions).toHaveLength(60)
      expect(staffView.assessment.questions.map((q: { code: string }) => q.code)).not.toContain(
        "q61"
      )
      expect(
        staffView.assessment.questions.find((q: { code: string }) => q.code === "q41").text
      ).toBe("您带下色黄（白带颜色发黄）吗？（限女性回答）")
    })

    it("refuses a sheet answered in an outdated version (409) or an unknown one (400), in Chinese", async () => {
      await publishInCms()
      await eventually(
        () => questionnaire(),
        (current) => current.version === 2
      )
      const v1Items = standardQuestionnaireItems(ccmq)
      const outdated = await api.post(
        "/store/constitution/assessments",
        { sex: "male", answers: tiredSheet(v1Items), questionnaire_version: 1 },
        { ...store, ...noThrow }
      )
      expect(outdated.status).toBe(409)
      expect(outdated.data.message).toBe(
        "体质问卷已更新为第 2 版（您作答的是第 1 版），请刷新页面，按新版题目重新作答"
      )
      const unknown = await api.post(
        "/store/constitution/assessments",
        { sex: "male", answers: tiredSheet(v1Items), questionnaire_version: 9 },
        { ...store, ...noThrow }
      )
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toBe("没有第 9 版体质问卷，请刷新页面后重新作答")
      // An older client that sends no version is checked against the current one.
      const noVersion = await api.post(
        "/store/constitution/assessments",
        { sex: "male", answers: tiredSheet(v1Items) },
        { ...store, ...noThrow }
      )
      expect(noVersion.status).toBe(400)
      expect(noVersion.data.message).toBe("未作答的题目: q61")

      const missing = await api.get("/store/constitution/questionnaire?version=7", {
        ...store,
        ...noThrow,
      })
      expect([missing.status, missing.data.message]).toEqual([404, "没有第 7 版体质问卷"])
      for (const version of ["abc", "0", "-1", "1.5"]) {
        const bad = await api.get(`/store/constitution/questionnaire?version=${version}`, {
          ...store,
          ...noThrow,
        })
        expect([version, bad.status, bad.data.message]).toEqual([
          version,
          400,
          "version 应为问卷版本号（正整数）",
        ])
      }
    })
  },
})
