import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import ccmq from "../../src/lib/constitution/ccmq.json"
import { createPublishableKey, registerCustomer } from "../helpers/actors"

jest.setTimeout(120_000)

const allAnswers = (value: number) => Object.fromEntries(ccmq.items.map((item) => [item.id, value]))
/** A 气虚 member: every 气虚质 item answered 4 (经常), everything else 1. */
const qixuAnswers = () => ({
  ...allAnswers(1),
  ...Object.fromEntries(ccmq.types.find((t) => t.code === "qixu")!.items.map((id) => [id, 4])),
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let publishableKey: string

    beforeEach(async () => {
      publishableKey = await createPublishableKey(getContainer())
      storeHeaders = { headers: { "x-publishable-api-key": publishableKey } }
    })

    it("scores a visitor's answers by the standard without keeping them", async () => {
      const { status, data } = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: qixuAnswers() },
        storeHeaders
      )
      expect(status).toBe(200)
      expect(Object.keys(data.assessment.scores).sort()).toEqual(
        ccmq.types.map((t) => t.code).sort()
      )
      expect(data.assessment.scores.qixu).toBe(75)
      expect(data.assessment.verdicts).toMatchObject({ qixu: "是", pinghe: "否", yangxu: "否" })
      expect(data.assessment.primary).toBe("qixu")
      expect(data.assessment.saved).toBe(false)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: rows } = await query.graph({
        entity: "constitution_assessment",
        fields: ["id"],
      })
      expect(rows).toHaveLength(0)
    })

    it("answers 400 listing every missing or wrong item, and for an unknown sex", async () => {
      const answers: Record<string, unknown> = allAnswers(3)
      delete answers.q41
      answers.q05 = 0
      answers.q06 = "很少"
      const missing = await api
        .post("/store/constitution/assessments", { sex: "male", answers }, storeHeaders)
        .catch((e: any) => e.response)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toBe("未作答的题目: q41；答案须为 1 到 5 的整数: q05, q06")

      const badSex = await api
        .post(
          "/store/constitution/assessments",
          { sex: "other", answers: allAnswers(3) },
          storeHeaders
        )
        .catch((e: any) => e.response)
      expect(badSex.status).toBe(400)
      expect(badSex.data.message).toContain("sex")
    })

    it("keeps a member's result encrypted, lists it only to that member, and refuses visitors the history", async () => {
      const member = await registerCustomer(api, publishableKey, "tizhi@example.com")
      const created = await api.post(
        "/store/constitution/assessments",
        { sex: "female", answers: qixuAnswers() },
        member
      )
      expect(created.status).toBe(201)
      expect(created.data.assessment).toMatchObject({
        saved: true,
        primary: "qixu",
        item_version: "ZYYXH/T157-2009",
      })

      const { data: history } = await api.get("/store/constitution/assessments", member)
      expect(history.count).toBe(1)
      expect(history.assessments[0]).toMatchObject({
        id: created.data.assessment.id,
        sex: "female",
        primary: "qixu",
        verdicts: { qixu: "是" },
      })

      const other = await registerCustomer(api, publishableKey, "other@example.com")
      expect((await api.get("/store/constitution/assessments", other)).data.count).toBe(0)

      const anonymous = await api
        .get("/store/constitution/assessments", storeHeaders)
        .catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)

      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = await pg.raw("select * from constitution_assessment")
      expect(rows.rows).toHaveLength(1)
      expect(JSON.stringify(rows.rows[0])).not.toMatch(/qixu|"是"|female/)
    })
  },
})
