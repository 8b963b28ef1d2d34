import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { HEALTH_ARCHIVE_MODULE } from ".."
import HealthArchiveModuleService from "../service"
import { ArchiveAccess } from "../models/archive-access"
import { Consent } from "../models/consent"
import { Kit } from "../models/kit"
import { KitEvent } from "../models/kit-event"
import { LabReport } from "../models/lab-report"
import { LabReportFinding } from "../models/lab-report-finding"
import { MemberUpload } from "../models/member-upload"
import { ReportBatch } from "../models/report-batch"
import { ReportBatchFile } from "../models/report-batch-file"
import { TestSubject } from "../models/test-subject"
import { FieldCipher, fieldCipherFromEnv } from "../../../lib/crypto/field-cipher"
import { generateKitBarcode } from "../../../lib/kits/kit-barcode"
import type { ReportReading } from "../../../lib/reports/report-reading"

jest.setTimeout(60_000)

const cipher = fieldCipherFromEnv()

moduleIntegrationTestRunner<HealthArchiveModuleService>({
  moduleName: HEALTH_ARCHIVE_MODULE,
  moduleModels: [
    Kit,
    KitEvent,
    TestSubject,
    Consent,
    LabReport,
    LabReportFinding,
    MemberUpload,
    ReportBatch,
    ReportBatchFile,
    ArchiveAccess,
  ],
  resolve: "./src/modules/health-archive",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
      MikroOrmWrapper.forkManager().execute(query, params) as Promise<T[]>

    /** Kits of one order, walked to `status`, each with a barcode. */
    async function kits(count: number, status: "shipped" | "received", order = "order_r") {
      const rows = await service.createKitsForOrder({
        customer_id: "cus_r",
        order_id: `${order}_${status}_${count}`,
        collection_method: "mail_in",
        lines: [
          {
            line_item_id: `item_${order}_${status}`,
            product_title: "肿瘤易感基因检测",
            units: count,
          },
        ],
      })
      const barcodes: string[] = []
      for (const kit of rows) {
        const barcode = generateKitBarcode()
        await service.transitionKit(kit.id, "ship", { actor_type: "staff", patch: { barcode } })
        if (status === "received") {
          await service.transitionKit(kit.id, "activate", { actor_type: "customer" })
          await service.transitionKit(kit.id, "receive", { actor_type: "staff" })
        }
        barcodes.push(barcode)
      }
      return rows.map((kit, index) => ({ id: kit.id, barcode: barcodes[index] }))
    }

    const reading = (barcode: string, findings = 2): ReportReading => ({
      barcode,
      lab: "达安基因",
      issued_on: "2026-11-28",
      summary: cipher.sealJson({ excerpt: `Sample barcode: ${barcode}`, pages: 4 }),
      findings: Array.from({ length: findings }, (_, index) =>
        cipher.sealJson({
          item: `rs${index}`,
          gene: "BRCA1",
          result: "A/G",
          risk: "low",
          reference: "",
        })
      ),
    })

    /** A batch of staged files as the worker leaves them before recording: sealed, read, queued. */
    async function stage(files: { name: string; barcode: string; sha256: string }[]) {
      const batch = await service.createReportBatches({ created_by: "user_lab" })
      const rows = await service.createReportBatchFiles(
        files.map((file) => ({
          batch_id: batch.id,
          filename: file.name,
          size: 1000,
          status: "queued" as const,
          file_id: `private-${file.name}.bin`,
          key_id: reading(file.barcode).summary.key_id,
          sha256: file.sha256,
          reading: reading(file.barcode),
          timings: { parse: 9, encrypt: 1, store: 1 },
        }))
      )
      const byName = new Map(files.map((file, index) => [file.name, rows[index].id]))
      return (name: string) => byName.get(name)!
    }

    it("records a chunk in one transaction, decrypting nothing, each outcome as one by one", async () => {
      const [a, b, c] = await kits(3, "received")
      const [notReady] = await kits(1, "shipped")
      const id = await stage([
        { name: "a.pdf", barcode: a.barcode, sha256: "sha-a" },
        { name: "b.pdf", barcode: b.barcode, sha256: "sha-b" },
        { name: "c.pdf", barcode: c.barcode, sha256: "sha-c" },
        { name: "a-again.pdf", barcode: a.barcode, sha256: "sha-a" },
        { name: "stray.pdf", barcode: "GT1234567897", sha256: "sha-x" },
        { name: "early.pdf", barcode: notReady.barcode, sha256: "sha-n" },
        { name: "a-corrected.pdf", barcode: a.barcode, sha256: "sha-a2" },
      ])
      const names = [
        "a.pdf",
        "b.pdf",
        "c.pdf",
        "a-again.pdf",
        "stray.pdf",
        "early.pdf",
        "a-corrected.pdf",
      ]
      const opened = jest.spyOn(FieldCipher.prototype, "openBytes")
      const recorded = await service.recordReportFiles(names.map(id))
      expect(opened).not.toHaveBeenCalled()
      opened.mockRestore()

      expect(recorded.map((file) => [file.status, file.error_code])).toEqual([
        ["done", null],
        ["done", null],
        ["done", null],
        ["failed", "duplicate"],
        ["failed", "unmatched_barcode"],
        ["failed", "kit_not_ready"],
        ["done", null],
      ])
      // Four reports, one insert: they share the transaction id that wrote them.
      const reports = await sql<{ id: string; kit_id: string; writer: string }>(
        "select id, kit_id, xmin::text as writer from lab_report order by created_at"
      )
      expect(reports.map((report) => report.kit_id)).toEqual([a.id, b.id, c.id, a.id])
      expect(new Set(reports.map((report) => report.writer)).size).toBe(1)
      const [findings] = await sql<{ count: string }>(
        "select count(*)::text as count from lab_report_finding where source = 'parser'"
      )
      expect(findings.count).toBe("8")
      const opened2 = await service.reportFindings(reports[0].id)
      expect(opened2.findings.map((finding) => finding.item)).toEqual(["rs0", "rs1"])

      // The kit moved to 报告已出 once per new report, the second one noted as an update.
      const events = await sql<{ status: string; note: string | null; actor_type: string }>(
        "select status, note, actor_type from kit_event where kit_id = ? order by created_at",
        [a.id]
      )
      expect(events.slice(-2)).toEqual([
        { status: "report_ready", note: null, actor_type: "system" },
        { status: "report_ready", note: "报告已更新", actor_type: "system" },
      ])
      expect(recorded.filter((file) => file.kit_event_id)).toHaveLength(4)
      const [kitA] = await service.kitViews([a.id])
      expect(kitA.status).toBe("report_ready")
      expect(kitA.report?.id).toBe(reports[3].id)
      expect(kitA.report?.issued_at).toBe("2026-11-27T16:00:00.000Z")

      // The progress view's rows, as the lab page shows them; readings kept only to retry.
      const files = await service.listReportBatchFiles({ id: names.map(id) })
      const byName = Object.fromEntries(files.map((file) => [file.filename, file]))
      expect(byName["a.pdf"]).toMatchObject({
        status: "done",
        barcode: a.barcode,
        kit_id: a.id,
        reading: null,
      })
      expect(byName["a-again.pdf"]).toMatchObject({
        status: "failed",
        error_code: "duplicate",
        error_message: `该报告已上传过（检测盒 ${a.barcode}），未重复保存`,
        barcode: a.barcode,
      })
      expect(byName["stray.pdf"].error_message).toBe("没有条码为 GT1234567897 的检测盒")
      expect(byName["early.pdf"].error_message).toBe(
        `检测盒 ${notReady.barcode} 当前为“已寄出”，请先在检测盒列表中确认接收样本`
      )
      expect(byName["early.pdf"].reading).not.toBeNull()
      expect(Object.keys(byName["b.pdf"].timings as object).sort()).toEqual([
        "encrypt",
        "match",
        "parse",
        "record",
        "store",
      ])

      // Replayed: done files are left alone, refused ones are refused again, nothing added.
      await service.recordReportFiles(names.map(id))
      const [after] = await sql<{ count: string }>("select count(*)::text as count from lab_report")
      expect(after.count).toBe("4")
    })

    it("records one PDF once when two uploads of it are recorded at the same time", async () => {
      const [kit] = await kits(1, "received", "order_race")
      const first = await stage([{ name: "one.pdf", barcode: kit.barcode, sha256: "sha-race" }])
      const second = await stage([{ name: "two.pdf", barcode: kit.barcode, sha256: "sha-race" }])
      const results = await Promise.all([
        service.recordReportFiles([first("one.pdf")]),
        service.recordReportFiles([second("two.pdf")]),
      ])
      expect(
        results
          .flat()
          .map((file) => file.error_code ?? file.status)
          .sort()
      ).toEqual(["done", "duplicate"])
      const reports = await sql("select id from lab_report where kit_id = ?", [kit.id])
      expect(reports).toHaveLength(1)
      const events = await sql(
        "select id from kit_event where kit_id = ? and status = 'report_ready'",
        [kit.id]
      )
      expect(events).toHaveLength(1)
    })
  },
})
