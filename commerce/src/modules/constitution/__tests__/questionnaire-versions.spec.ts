import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { QuestionBankItem } from "@health/contracts"
import { CONSTITUTION_MODULE } from ".."
import ConstitutionModuleService from "../service"
import { ConstitutionAssessment } from "../models/constitution-assessment"
import { ConstitutionQuestionnaire } from "../models/constitution-questionnaire"
import { STANDARD_QUESTIONNAIRE } from "../rules/questionnaire"
import { questionnaireFromCms } from "../rules/questionnaire-from-cms"
import { scoreConstitution } from "../rules/score-constitution"

jest.setTimeout(60_000)

/**
 * Version 2 as editors might publish it: 容易疲乏 (q02) no longer counts for 气虚质, which
 * gains a new item q61 instead; everything else as the standard.
 */
const version2Items = (): QuestionBankItem[] => [
  ...STANDARD_QUESTIONNAIRE.items.map((item) =>
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

/** A version as the CMS's REST API answers it. */
const cmsEntry = (number: number, items: QuestionBankItem[], label = `第 ${number} 版`) =>
  questionnaireFromCms({
    documentId: `doc-${number}`,
    number,
    label,
    publishedAt: "2026-12-10T02:00:00.000Z",
    items: items.map((item, index) => ({ id: index + 1, ...item })),
  })!

const sheet = (codes: string[], value: number, rest: Record<string, number> = {}) => ({
  ...Object.fromEntries(codes.map((code) => [code, value])),
  ...rest,
})

moduleIntegrationTestRunner<ConstitutionModuleService>({
  moduleName: CONSTITUTION_MODULE,
  moduleModels: [ConstitutionAssessment, ConstitutionQuestionnaire],
  resolve: "./src/modules/constitution",
  testSuite: ({ service, MikroOrmWrapper }) => {
    it("scores with the standard as version 1 until the CMS publishes a version", async () => {
      const current = await service.currentQuestionnaire()
      expect(current).toMatchObject({ version: 1, label: "ZYYXH/T157-2009" })
      expect(current.items).toHaveLength(60)
      expect(await service.questionnaireVersion(2)).toBeNull()
    })

    it("a published version becomes current and changes how the same answers score", async () => {
      const outcome = await service.storeQuestionnaireVersions([cmsEntry(2, version2Items())])
      expect(outcome).toEqual({ added: [2], unchanged: [], conflicts: [], invalid: [] })
      const current = await service.currentQuestionnaire()
      expect(current.version).toBe(2)

      // Everything 1, but 容易疲乏 (q02) 5: under the standard 气虚质 counts it.
      const v1 = await service.questionnaireVersion(1)
      const answers = sheet(
        current.items.map((item) => item.code),
        1,
        { q02: 5 }
      )
      const { q61: _new, ...standardAnswers } = answers
      // 气虚质, 8 items: (1×7 + 5 − 8) / 32 × 100 = 12.5 under the standard …
      expect(scoreConstitution(standardAnswers, v1!, "female").scores.qixu).toBe(12.5)
      // … and 0 under version 2, where q02 is not one of its 8 items any more.
      expect(scoreConstitution(answers, current, "female").scores.qixu).toBe(0)
    })

    it("never rewrites a stored version: the CMS showing it otherwise is a conflict", async () => {
      await service.storeQuestionnaireVersions([cmsEntry(2, version2Items())])
      const reworded = version2Items().map((item) =>
        item.code === "q61" ? { ...item, reverse_in: [], types: ["yangxu" as const] } : item
      )
      const outcome = await service.storeQuestionnaireVersions([
        cmsEntry(1, STANDARD_QUESTIONNAIRE.items),
        cmsEntry(2, reworded),
      ])
      expect(outcome).toEqual({ added: [], unchanged: [1], conflicts: [2], invalid: [] })
      const kept = await service.questionnaireVersion(2)
      expect(kept!.items.find((item) => item.code === "q61")!.types).toEqual(["qixu"])
      const rows = await MikroOrmWrapper.forkManager().execute(
        "select version from constitution_questionnaire"
      )
      expect(rows).toEqual([{ version: 2 }])
    })

    it("reports a version that cannot be scored and keeps scoring with the current one", async () => {
      const broken = version2Items().filter((item) => !item.types.includes("tebing"))
      const outcome = await service.storeQuestionnaireVersions([cmsEntry(3, broken)])
      expect(outcome.invalid).toEqual([
        {
          version: 3,
          problems: ["女性作答时以下体质没有题目：tebing", "男性作答时以下体质没有题目：tebing"],
        },
      ])
      expect((await service.currentQuestionnaire()).version).toBe(1)
    })

    it("a result keeps the version it was scored with after a new one is published", async () => {
      const saved = await service.recordConstitutionAssessment({
        customer_id: "cus_a",
        item_version: "ZYYXH/T157-2009",
        questionnaire_version: 1,
        payload: {
          sex: "female",
          answers: { q02: 5 },
          scores: { qixu: 12.5 },
          verdicts: { qixu: "否" },
          primary: "pinghe",
        },
      })
      await service.storeQuestionnaireVersions([cmsEntry(2, version2Items())])
      const again = await service.constitutionAssessment(saved.id)
      expect(again).toMatchObject({ questionnaire_version: 1, scores: { qixu: 12.5 } })
      expect((await service.questionnaireVersion(again!.questionnaire_version))!.items).toEqual(
        STANDARD_QUESTIONNAIRE.items
      )
    })
  },
})
