import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CONSTITUTION_MODULE } from ".."
import ConstitutionModuleService from "../service"
import { ConstitutionAssessment } from "../models/constitution-assessment"
import { ConstitutionReview } from "../models/constitution-review"
import { ConstitutionReviewRevision } from "../models/constitution-review-revision"

jest.setTimeout(60_000)

const sections = (summary: string) => ({
  summary,
  diet: "山药、大枣",
  exercise: "八段锦",
  emotion: "",
  daily: "早睡",
})

moduleIntegrationTestRunner<ConstitutionModuleService>({
  moduleName: CONSTITUTION_MODULE,
  moduleModels: [ConstitutionAssessment, ConstitutionReview, ConstitutionReviewRevision],
  resolve: "./src/modules/constitution",
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
      expect(refused.reason.message).toBe(
        "这份养生评估报告已发布给会员，不能再修改；如需更正，请使用「修订」"
      )
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

    describe("修订 of a published report", () => {
      const publish = async (summary = "气虚为主") => {
        const { id } = await assess("cus_a")
        await draft(id, summary)
        await service.publishConstitutionReview(id)
        return id
      }
      const revise = (
        assessment_id: string,
        summary: string,
        reason = "更正饮食建议",
        extra: { author_id?: string; expert_name?: string; base_revision?: number } = {}
      ) =>
        service.reviseConstitutionReview({
          assessment_id,
          author_id: extra.author_id ?? "user_a",
          expert_name: extra.expert_name ?? "李明华",
          sections: sections(summary),
          reason,
          base_revision: extra.base_revision,
        })
      const current = async (id: string) =>
        (await service.reviewsOfAssessments([id], { publishedOnly: true })).get(id)!

      it("keeps the version the member read, sealed, and shows the new text as the next version", async () => {
        const id = await publish("气虚为主")
        const first = await current(id)
        expect(first).toMatchObject({ revision: 1, revised_at: null })
        expect((await service.reviewVersions([first.id])).get(first.id)).toEqual([
          expect.objectContaining({ revision: 1, reason: null, expert_name: "李明华" }),
        ])

        const { review, version, replayed } = await revise(id, "气虚兼阳虚", "补充阳虚调养", {
          author_id: "user_b",
          expert_name: "王芳",
        })
        expect(replayed).toBe(false)
        expect(review).toMatchObject({
          status: "published",
          revision: 2,
          expert_name: "王芳",
          sections: { summary: "气虚兼阳虚" },
          published_at: first.published_at,
        })
        expect(review.revised_at).toEqual(expect.any(String))
        expect(version).toMatchObject({ revision: 2, reason: "补充阳虚调养", author_id: "user_b" })

        const versions = (await service.reviewVersions([review.id])).get(review.id)!
        expect(versions.map((v) => [v.revision, v.sections.summary, v.reason])).toEqual([
          [2, "气虚兼阳虚", "补充阳虚调养"],
          [1, "气虚为主", null],
        ])
        expect(versions[1].published_at).toBe(first.published_at)

        const rows = await MikroOrmWrapper.forkManager().execute(
          "select * from constitution_review_revision order by revision"
        )
        expect(rows).toHaveLength(2)
        for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/气虚|山药|阳虚调养/)

        const third = await revise(id, "第三版", "再次更正")
        expect(third.review.revision).toBe(3)
        expect((await current(id)).sections.summary).toBe("第三版")
      })

      it("two experts revising at once get one version each, in order, and none is lost", async () => {
        const id = await publish()
        const results = await Promise.all([
          revise(id, "甲的修订", "甲", { author_id: "user_a" }),
          revise(id, "乙的修订", "乙", { author_id: "user_b" }),
        ])
        expect(results.map((r) => r.version.revision).sort()).toEqual([2, 3])
        const review = await current(id)
        expect(review.revision).toBe(3)
        const versions = (await service.reviewVersions([review.id])).get(review.id)!
        expect(versions.map((v) => v.revision)).toEqual([3, 2, 1])
        expect(
          versions
            .map((v) => v.reason)
            .slice(0, 2)
            .sort()
        ).toEqual(["乙", "甲"])
        expect(review.sections.summary).toBe(versions[0].sections.summary)
      })

      it("an expert who edited an older version gets a conflict, not a silent overwrite", async () => {
        const id = await publish()
        const results = await Promise.allSettled([
          revise(id, "甲的修订", "甲", { author_id: "user_a", base_revision: 1 }),
          revise(id, "乙的修订", "乙", { author_id: "user_b", base_revision: 1 }),
        ])
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult
        expect(refused.reason.type).toBe("conflict")
        expect(refused.reason.message).toBe(
          "这份养生评估报告刚刚已被修订为第 2 版，请刷新后在最新版本上修订"
        )
        const review = await current(id)
        expect(review.revision).toBe(2)
        expect((await service.reviewVersions([review.id])).get(review.id)).toHaveLength(2)
      })

      it("the same revision sent twice makes one version", async () => {
        const id = await publish()
        const once = await revise(id, "更正", "错别字", { base_revision: 1 })
        const again = await revise(id, "更正", "错别字", { base_revision: 1 })
        expect(again.replayed).toBe(true)
        expect(again.version.revision).toBe(once.version.revision)
        const review = await current(id)
        expect((await service.reviewVersions([review.id])).get(review.id)).toHaveLength(2)
        await expect(revise(id, "更正", "另一个说明")).rejects.toThrow("与当前版本相同")
      })

      it("is refused on a draft, an unknown result, a result with no report, without a reason or 总体评估", async () => {
        await expect(revise("cass_missing", "x")).rejects.toThrow("没有找到这份体质辨识结果")
        const { id } = await assess("cus_a")
        await expect(revise(id, "x")).rejects.toThrow("还没有养生评估报告")
        await draft(id, "草稿")
        await expect(revise(id, "x")).rejects.toThrow("尚未发布，请直接修改草稿后发布")
        await service.publishConstitutionReview(id)
        await expect(revise(id, "x", "   ")).rejects.toThrow("请填写修订说明")
        await expect(revise(id, "  ", "说明")).rejects.toThrow("请填写「总体评估」")
        expect((await current(id)).revision).toBe(1)
      })

      it("undoing a revision or a publish takes its version back", async () => {
        const id = await publish("原文")
        const { review, previous, version } = await revise(id, "修订", "说明")
        await service.undoConstitutionReviewRevision(previous, version.revision)
        const back = await current(id)
        expect(back).toMatchObject({ revision: 1, revised_at: null, sections: { summary: "原文" } })
        expect((await service.reviewVersions([review.id])).get(review.id)).toHaveLength(1)

        await service.unpublishConstitutionReview(review.id)
        expect((await service.reviewVersions([review.id])).get(review.id)).toEqual([])
        const [row] = await MikroOrmWrapper.forkManager().execute(
          "select status, revision from constitution_review"
        )
        expect(row).toEqual({ status: "draft", revision: 0 })
      })

      it("a report published before versions were kept gets its first version on record when revised", async () => {
        const id = await publish("旧报告")
        const review = await current(id)
        await MikroOrmWrapper.forkManager().execute("delete from constitution_review_revision")
        await revise(id, "新报告", "更正")
        const versions = (await service.reviewVersions([review.id])).get(review.id)!
        expect(versions.map((v) => [v.revision, v.sections.summary, v.reason])).toEqual([
          [2, "新报告", "更正"],
          [1, "旧报告", null],
        ])
        expect(versions[1].published_at).toBe(review.published_at)
      })
    })

    it("erasing a member's data removes their results, reports and versions, and nobody else's", async () => {
      const mine = await assess("cus_a")
      await draft(mine.id, "甲")
      await service.publishConstitutionReview(mine.id)
      await service.reviseConstitutionReview({
        assessment_id: mine.id,
        author_id: "user_a",
        expert_name: "李明华",
        sections: sections("甲二"),
        reason: "更正",
      })
      await assess("cus_a")
      const theirs = await assess("cus_b")
      await draft(theirs.id, "乙")
      await service.publishConstitutionReview(theirs.id)

      expect(await service.eraseConstitutionDataOf("cus_a")).toEqual({ assessments: 2 })

      const rows = async (sql: string) =>
        (await MikroOrmWrapper.forkManager().execute(sql)).map((row) => row.customer_id ?? row.n)
      expect(await rows("select customer_id from constitution_assessment")).toEqual(["cus_b"])
      expect(await rows("select customer_id from constitution_review")).toEqual(["cus_b"])
      // cus_a's two versions went with their report; cus_b's first version stays.
      expect(await rows("select count(*)::int as n from constitution_review_revision")).toEqual([1])
      expect((await service.listConstitutionAssessmentsOf("cus_b")).count).toBe(1)
      expect(await service.eraseConstitutionDataOf("cus_a")).toEqual({ assessments: 0 })
    })
  },
})
