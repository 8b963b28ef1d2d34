import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CONSTITUTION_MODULE } from ".."
import ConstitutionModuleService from "../service"
import { ConstitutionAssessment } from "../models/constitution-assessment"

jest.setTimeout(60_000)

const payload = (primary: string) => ({
  sex: "female" as const,
  answers: { q01: 2 },
  scores: { pinghe: 25, qixu: 75 },
  verdicts: { pinghe: "否", qixu: "是" },
  primary,
})

moduleIntegrationTestRunner<ConstitutionModuleService>({
  moduleName: CONSTITUTION_MODULE,
  moduleModels: [ConstitutionAssessment],
  resolve: "./src/modules/constitution",
  testSuite: ({ service, MikroOrmWrapper }) => {
    it("stores a constitution result encrypted and gives it back to its member only", async () => {
      const saved = await service.recordConstitutionAssessment({
        customer_id: "cus_a",
        item_version: "ZYYXH/T157-2009",
        payload: payload("qixu"),
      })
      expect(saved).toMatchObject({ customer_id: "cus_a", primary: "qixu", scores: { qixu: 75 } })

      const rows = await MikroOrmWrapper.forkManager().execute(
        "select payload_ciphertext, key_id from constitution_assessment"
      )
      expect(rows).toHaveLength(1)
      expect(rows[0].key_id).toBeTruthy()
      const raw = JSON.stringify(rows[0])
      expect(raw).not.toContain("qixu")
      expect(raw).not.toContain("是")

      expect((await service.listConstitutionAssessmentsOf("cus_b")).count).toBe(0)
    })

    it("lists a member's history newest first", async () => {
      await service.recordConstitutionAssessment({
        customer_id: "cus_a",
        item_version: "v",
        payload: payload("qixu"),
      })
      await new Promise((resolve) => setTimeout(resolve, 10))
      await service.recordConstitutionAssessment({
        customer_id: "cus_a",
        item_version: "v",
        payload: payload("pinghe"),
      })

      const { assessments, count } = await service.listConstitutionAssessmentsOf("cus_a")
      expect(count).toBe(2)
      expect(assessments.map((a) => a.primary)).toEqual(["pinghe", "qixu"])
    })
  },
})
