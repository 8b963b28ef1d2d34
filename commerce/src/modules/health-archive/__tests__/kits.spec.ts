import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { HEALTH_ARCHIVE_MODULE } from ".."
import HealthArchiveModuleService from "../service"
import { ArchiveAccess } from "../models/archive-access"
import { Consent } from "../models/consent"
import { Kit } from "../models/kit"
import { KitEvent } from "../models/kit-event"
import { LabReport } from "../models/lab-report"
import { MemberUpload } from "../models/member-upload"
import { ReportBatch } from "../models/report-batch"
import { ReportBatchFile } from "../models/report-batch-file"
import { TestSubject } from "../models/test-subject"

jest.setTimeout(60_000)

const order = (lines: { line_item_id: string; units: number }[]) => ({
  customer_id: "cus_a",
  order_id: "order_1",
  order_display_id: 7,
  collection_method: "mail_in" as const,
  lines: lines.map((line) => ({ ...line, product_title: "肿瘤易感基因检测" })),
})

moduleIntegrationTestRunner<HealthArchiveModuleService>({
  moduleName: HEALTH_ARCHIVE_MODULE,
  moduleModels: [
    Kit,
    KitEvent,
    TestSubject,
    Consent,
    LabReport,
    MemberUpload,
    ReportBatch,
    ReportBatchFile,
    ArchiveAccess,
  ],
  resolve: "./src/modules/health-archive",
  testSuite: ({ service, MikroOrmWrapper }) => {
    it("creates one kit per unit, once, however often the order event arrives", async () => {
      const input = order([
        { line_item_id: "item_family", units: 2 },
        { line_item_id: "item_single", units: 1 },
      ])
      await service.createKitsForOrder(input)
      await Promise.all([service.createKitsForOrder(input), service.createKitsForOrder(input)])
      const kits = await service.listKits({ order_id: "order_1" })
      expect(kits).toHaveLength(3)
      expect(kits.every((kit) => kit.status === "ordered")).toBe(true)
      const [view] = await service.kitViews([kits[0].id])
      expect(view.timeline).toEqual([
        expect.objectContaining({ status: "ordered", label: "待发货" }),
      ])
    })

    it("moves a kit only along its lifecycle, with a timeline, and only once under a race", async () => {
      const [kit] = await service.createKitsForOrder(order([{ line_item_id: "item_1", units: 1 }]))
      await expect(
        service.transitionKit(kit.id, "receive", { actor_type: "staff", actor_id: "user_1" })
      ).rejects.toThrow("检测盒当前状态为“待发货”，不能接收样本")

      await service.transitionKit(kit.id, "ship", {
        actor_type: "staff",
        actor_id: "user_1",
        note: "顺丰 SF123",
        patch: { barcode: "GT1234567897", tracking_number: "SF123" },
      })
      await service.transitionKit(kit.id, "activate", { actor_type: "customer", actor_id: "cus_a" })
      await service.transitionKit(kit.id, "receive", { actor_type: "staff", actor_id: "user_2" })

      // Two lab technicians press 开始检测 at the same moment: one wins, one is told why.
      const results = await Promise.allSettled([
        service.transitionKit(kit.id, "start_testing", { actor_type: "staff", actor_id: "user_2" }),
        service.transitionKit(kit.id, "start_testing", { actor_type: "staff", actor_id: "user_3" }),
      ])
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult
      expect(refused.reason.message).toContain("检测中")

      const [view] = await service.kitViews([kit.id])
      expect(view.status).toBe("testing")
      expect(view.barcode).toBe("GT1234567897")
      expect(view.tracking).toEqual({ carrier: null, number: "SF123" })
      expect(view.timeline.map((step) => step.status)).toEqual([
        "ordered",
        "shipped",
        "activated",
        "received",
        "testing",
      ])
      expect(view.timeline[1].note).toBe("顺丰 SF123")
    })

    it("keeps tested people sealed and withdraws a consent once", async () => {
      const person = await service.addTestSubject("cus_a", {
        relation: "parent",
        name: "王秀英",
        sex: "female",
        birth_date: "1958-03-02",
      })
      expect(person).toMatchObject({ relation_label: "父母", name: "王秀英" })
      const raw = JSON.stringify(
        await MikroOrmWrapper.forkManager().execute("select * from test_subject")
      )
      expect(raw).not.toContain("王秀英")
      expect(raw).not.toContain("1958")

      const [consent] = await service.createConsents([
        { customer_id: "cus_a", kind: "research", version: "v2", signed_at: new Date() },
      ])
      const first = await service.withdrawConsent("cus_a", consent.id)
      const again = await service.withdrawConsent("cus_a", consent.id)
      // Withdrawn just now, as an ISO timestamp.
      expect(Date.now() - Date.parse(first.withdrawn_at as string)).toBeLessThan(60_000)
      expect(again.withdrawn_at).toBe(first.withdrawn_at)
      await expect(service.withdrawConsent("cus_b", consent.id)).rejects.toThrow("没有找到")
    })

    it("marks a report viewed and the kit delivered on the first open only", async () => {
      const [kit] = await service.createKitsForOrder(order([{ line_item_id: "item_r", units: 1 }]))
      for (const action of ["ship", "activate", "receive", "report"] as const) {
        await service.transitionKit(kit.id, action, { actor_type: "staff" })
      }
      const summary = service.sealSummary({ excerpt: "BRCA1 未见致病变异", pages: 3 })
      const report = await service.createLabReports({
        kit_id: kit.id,
        customer_id: "cus_a",
        file_id: "private-1.bin",
        key_id: summary.key_id,
        size: 1000,
        sha256: "abc",
        summary_ciphertext: summary.ciphertext,
      })
      expect(JSON.stringify(await service.listLabReports({ id: report.id }))).not.toContain("BRCA1")

      await service.markReportViewed(report.id)
      await service.markReportViewed(report.id)
      const [view] = await service.kitViews([kit.id])
      expect(view.status).toBe("delivered")
      expect(view.timeline.filter((step) => step.status === "delivered")).toHaveLength(1)
      expect(Date.now() - Date.parse(view.report?.viewed_at as string)).toBeLessThan(60_000)
    })
  },
})
