import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ASSESSMENT_MODULE } from ".."
import AssessmentModuleService from "../service"
import { ArchiveAssessment } from "../models/archive-assessment"
import { ArchiveAssessmentItem } from "../models/archive-assessment-item"
import { ArchiveAssessmentVersion } from "../models/archive-assessment-version"
import type { ReportContent } from "../rules/report-content"

jest.setTimeout(60_000)

const days = (n: number) => new Date(Date.now() + n * 86_400_000)

const content = (changes: Partial<ReportContent> = {}): ReportContent => ({
  title: "基因检测综合评估",
  sections: [{ heading: "检测结果解读", body: "叶酸代谢能力偏弱，建议适量补充。" }],
  recommendations: [{ kind: "article", ref_id: "folate", title: "叶酸怎么补", reason: null }],
  reason: null,
  ...changes,
})

moduleIntegrationTestRunner<AssessmentModuleService>({
  moduleName: ASSESSMENT_MODULE,
  moduleModels: [ArchiveAssessment, ArchiveAssessmentItem, ArchiveAssessmentVersion],
  resolve: "./src/modules/assessment",
  testSuite: ({ service }) => {
    const granted = (endsAt = days(7)) =>
      service.grant({
        customer_id: "cus_a",
        doctor_id: "doc_1",
        question: "请结合基因报告和体检结果评估",
        ends_at: endsAt,
        items: [
          { item_type: "report", item_id: "labr_1" },
          { item_type: "constitution", item_id: "cass_1" },
          { item_type: "report", item_id: "labr_1" },
        ],
      })

    it("keeps the question sealed and the items once each, and is the owner's alone", async () => {
      const row = await granted()
      expect(row.question_ciphertext).not.toContain("基因")
      expect(service.view(row, new Date())).toMatchObject({
        question: "请结合基因报告和体检结果评估",
        access: "granted",
        version: 0,
      })
      expect((await service.items(row.id)).map((item) => item.item_type)).toEqual([
        "report",
        "constitution",
      ])
      await expect(service.ownedAssessment(row.id, "cus_b")).rejects.toThrow("没有找到这份评估")
      await expect(service.expertAssessment(row.id, "doc_2", new Date())).rejects.toThrow(
        "没有找到这份评估"
      )
    })

    it("lists the items in the order the member chose them, though one transaction wrote them", async () => {
      const chosen = ["labr_9", "cass_3", "labr_2", "upl_7", "cass_1", "labr_5", "upl_1", "labr_0"]
      const row = await service.grant({
        customer_id: "cus_a",
        doctor_id: "doc_1",
        question: "请按我挑选的顺序看",
        ends_at: days(7),
        items: chosen.map((item_id) => ({
          item_type: item_id.startsWith("labr")
            ? "report"
            : item_id.startsWith("upl")
              ? "upload"
              : "constitution",
          item_id,
        })),
      })
      expect((await service.items(row.id)).map((item) => item.item_id)).toEqual(chosen)
    })

    it("refuses the expert once the consent is withdrawn or has ended", async () => {
      const row = await granted()
      await expect(service.expertAssessment(row.id, "doc_1", new Date())).resolves.toBeTruthy()
      await expect(service.expertAssessment(row.id, "doc_1", days(8))).rejects.toThrow("授权已到期")
      const withdrawn = await service.withdrawConsent(row.id, "cus_a")
      const again = await service.withdrawConsent(row.id, "cus_a")
      expect(again.consent_withdrawn_at).toEqual(withdrawn.consent_withdrawn_at)
      await expect(service.expertAssessment(row.id, "doc_1", new Date())).rejects.toThrow("已撤回")
      await expect(service.withdrawConsent(row.id, "cus_b")).rejects.toThrow("没有找到这份评估")
    })

    it("hides an item taken back from the expert", async () => {
      const row = await granted()
      const [report] = await service.items(row.id)
      await service.withdrawItem(row.id, report.id)
      await expect(service.currentItem(row.id, report.id)).rejects.toThrow("会员已收回")
      expect(await service.items(row.id, { current: true })).toHaveLength(1)
    })

    it("publishes versions in order, never changes one, and makes a stale revision 409", async () => {
      const row = await granted()
      const publish = (base_version: number, changes?: Partial<ReportContent>) =>
        service.publishVersion({
          assessment_id: row.id,
          doctor_id: "doc_1",
          expert_name: "王建国",
          base_version,
          content: content(changes),
        })
      await expect(publish(0, { sections: [{ heading: "空", body: "  " }] })).rejects.toThrow(
        "至少需要一节正文"
      )
      const first = await publish(0)
      expect(first.version).toBe(1)
      await expect(publish(1)).rejects.toThrow("修订说明")
      const second = await publish(1, {
        sections: [{ heading: "检测结果解读", body: "补充血脂结果后调整建议。" }],
        reason: "补充了体检血脂结果",
      })
      expect(second.version).toBe(2)
      await expect(publish(1, { reason: "另一位同时修订" })).rejects.toThrow("更新的版本")

      const versions = await service.versions(row.id)
      expect(versions.map((v) => [v.version, v.reason, v.sections[0].body])).toEqual([
        [1, null, "叶酸代谢能力偏弱，建议适量补充。"],
        [2, "补充了体检血脂结果", "补充血脂结果后调整建议。"],
      ])
      expect(service.view(await service.ownedAssessment(row.id, "cus_a"), new Date()).version).toBe(
        2
      )

      // A failed workflow takes its version back and the counter with it.
      await service.unpublishVersion(second.id)
      expect((await service.versions(row.id)).map((v) => v.version)).toEqual([1])
      expect((await service.ownedAssessment(row.id, "cus_a")).version).toBe(1)
    })

    it("erases a member's assessments, items and versions, and only theirs", async () => {
      const row = await granted()
      await service.publishVersion({
        assessment_id: row.id,
        doctor_id: "doc_1",
        expert_name: "王建国",
        base_version: 0,
        content: content(),
      })
      const other = await service.grant({
        customer_id: "cus_b",
        doctor_id: "doc_1",
        question: "另一位会员",
        ends_at: days(7),
        items: [{ item_type: "upload", item_id: "mupl_b" }],
      })
      expect(await service.eraseDataOf("cus_a")).toBe(1)
      await expect(service.ownedAssessment(row.id, "cus_a")).rejects.toThrow("没有找到这份评估")
      expect(await service.versions(row.id)).toEqual([])
      expect(await service.items(row.id)).toEqual([])
      expect(await service.items(other.id)).toHaveLength(1)
    })
  },
})
