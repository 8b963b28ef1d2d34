import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { HEALTH_ARCHIVE_MODULE } from ".."
import HealthArchiveModuleService from "../service"
import { ConstitutionAssessment } from "../models/constitution-assessment"
import { ConstitutionReview } from "../models/constitution-review"

jest.setTimeout(60_000)

const sections = (summary: string) => ({
  summary,
  diet: "山药、大枣",
  exercise: "八段锦",
  emotion: "",
  daily: "早睡",
})

moduleIntegrationTestRunner<HealthArchiveModuleService>({
  moduleName: HEALTH_ARCHIVE_MODULE,
  moduleModels: [ConstitutionAssessment, ConstitutionReview],
  resolve: "./src/modules/health-archive",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const assess = (customer_id: string) =>
      service.recordConstitutionAssessment({
        customer_id,
        item_version: "ZYYXH/T157-2009",
        payload: {
          sex: "female",
          answers: { q01: 1 },
          scores: { qixu: 75 },
          verdicts: { qixu: "是" },
          primary: "qixu",
        },
      })
    const draft = (assessment_id: string, summary: string, author_id = "user_a") =>
      service.saveConstitutionReviewDraft({
        assessment_id,
        author_id,
        expert_name: "李明华",
        sections: sections(summary),
      })

    it("two experts saving the first draft at once leave one report holding one of their texts", async () => {
      const { id } = await assess("cus_a")
      const results = await Promise.allSettled([
        draft(id, "甲", "user_a"),
        draft(id, "乙", "user_b"),
      ])
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"])
      const rows = await MikroOrmWrapper.forkManager().execute(
        "select id, status, payload_ciphertext from constitution_review"
      )
      expect(rows).toHaveLength(1)
      expect(rows[0].payload_ciphertext).not.toContain("山药")
      const review = (await service.reviewsOfAssessments([id])).get(id)!
      expect(["甲", "乙"]).toContain(review.sections.summary)
      expect(review).toMatchObject({ status: "draft", customer_id: "cus_a", published_at: null })
    })

    it("publishes once: a second publish at the same time and later edits are refused", async () => {
      const { id } = await assess("cus_a")
      await draft(id, "气虚为主")
      const results = await Promise.allSettled([
        service.publishConstitutionReview(id),
        service.publishConstitutionReview(id),
      ])
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult
      expect(refused.reason.message).toBe("这份养生评估报告已发布给会员，不能再修改")
      await expect(draft(id, "改写")).rejects.toThrow("已发布给会员")
      const published = (await service.reviewsOfAssessments([id], { publishedOnly: true })).get(id)
      expect(published?.sections.summary).toBe("气虚为主")
      expect(published?.published_at).toEqual(expect.any(String))
    })

    it("lists results for experts by report status, and undoes a publish or a first draft", async () => {
      const pending = await assess("cus_a")
      const drafted = await assess("cus_b")
      const published = await assess("cus_c")
      await draft(drafted.id, "草稿")
      await draft(published.id, "已发")
      const review = await service.publishConstitutionReview(published.id)

      const statusOf = async (status?: "pending" | "draft" | "published") =>
        (await service.listConstitutionAssessmentsForStaff({ status })).assessments.map((a) => [
          a.id,
          a.review_status,
        ])
      expect(await statusOf("pending")).toEqual([[pending.id, "pending"]])
      expect(await statusOf("draft")).toEqual([[drafted.id, "draft"]])
      expect(await statusOf("published")).toEqual([[published.id, "published"]])
      expect((await service.listConstitutionAssessmentsForStaff({})).count).toBe(3)

      await service.unpublishConstitutionReview(review.id)
      expect(await statusOf("draft")).toHaveLength(2)

      const { review: first, previous } = await draft(pending.id, "新草稿")
      expect(previous).toBeNull()
      await service.restoreConstitutionReview(first.id, previous)
      expect(await statusOf("pending")).toEqual([[pending.id, "pending"]])
    })

    it("refuses a draft for a result that does not exist, and a publish with nothing written", async () => {
      await expect(draft("cass_missing", "x")).rejects.toThrow("没有找到这份体质辨识结果")
      const { id } = await assess("cus_a")
      await expect(service.publishConstitutionReview(id)).rejects.toThrow("请先撰写")
      await draft(id, "   ")
      await expect(service.publishConstitutionReview(id)).rejects.toThrow("请填写「总体评估」")
    })
  },
})
