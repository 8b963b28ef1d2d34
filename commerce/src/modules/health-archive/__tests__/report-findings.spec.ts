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
import type { ReportFinding } from "../types"

jest.setTimeout(60_000)

const brca1: ReportFinding = {
  item: "c.68_69del",
  gene: "BRCA1",
  result: "检出（杂合）",
  risk: "high",
  reference: "未检出",
}
const mthfr: ReportFinding = {
  item: "叶酸代谢能力",
  gene: "MTHFR",
  result: "CT",
  risk: "medium",
  reference: "CC 为正常代谢",
}

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
    const reportOf = async (customerId: string) => {
      const summary = service.sealSummary({ excerpt: "Genetic Test Report", pages: 2 })
      return service.createLabReports({
        kit_id: `kit_${customerId}`,
        customer_id: customerId,
        file_id: `private-${customerId}.bin`,
        key_id: summary.key_id,
        size: 1000,
        sha256: customerId,
        summary_ciphertext: summary.ciphertext,
      })
    }

    it("seals findings at rest and opens them in the report's order with Chinese labels", async () => {
      const report = await reportOf("cus_a")
      await service.recordReportFindings({
        report_id: report.id,
        findings: [brca1, mthfr],
        source: "staff",
        actor_id: "user_lab",
      })
      const rows = await MikroOrmWrapper.forkManager().execute(
        "select * from lab_report_finding where report_id = ?",
        [report.id]
      )
      expect(rows).toHaveLength(2)
      const stored = JSON.stringify(rows)
      for (const secret of ["BRCA1", "MTHFR", "c.68_69del", "叶酸", "high", "杂合"]) {
        expect(stored).not.toContain(secret)
      }
      const read = await service.reportFindings(report.id)
      expect(read.source).toBe("staff")
      expect(read.findings).toEqual([
        { ...brca1, risk_label: "高风险" },
        { ...mthfr, risk_label: "中风险" },
      ])
    })

    it("replaces the list on each recording; the parser never overwrites staff's list", async () => {
      const report = await reportOf("cus_b")
      expect(
        await service.recordReportFindings({
          report_id: report.id,
          findings: [{ ...brca1, risk: "low", result: "未检出" }],
          source: "parser",
        })
      ).toBe(true)
      await service.recordReportFindings({
        report_id: report.id,
        findings: [mthfr],
        source: "staff",
        actor_id: "user_lab",
      })
      expect(
        await service.recordReportFindings({
          report_id: report.id,
          findings: [brca1],
          source: "parser",
        })
      ).toBe(false)
      const read = await service.reportFindings(report.id)
      expect(read.findings.map((f) => f.gene)).toEqual(["MTHFR"])
      await expect(
        service.recordReportFindings({ report_id: "rep_missing", findings: [], source: "staff" })
      ).rejects.toThrow("没有找到这份报告")
    })

    it("gives each member's findings for suggestions, and forgets them with the archive", async () => {
      const a = await reportOf("cus_c")
      const b = await reportOf("cus_d")
      await service.recordReportFindings({ report_id: a.id, findings: [brca1], source: "staff" })
      await service.recordReportFindings({ report_id: b.id, findings: [mthfr], source: "staff" })
      const byMember = await service.findingsOfMembers(["cus_c", "cus_d", "cus_none"])
      expect(byMember.get("cus_c")).toEqual([brca1])
      expect(byMember.get("cus_d")).toEqual([mthfr])
      expect(byMember.has("cus_none")).toBe(false)

      await service.forgetFindingsOf("cus_c")
      expect((await service.reportFindings(a.id)).findings).toEqual([])
      expect((await service.reportFindings(b.id)).findings).toHaveLength(1)
    })
  },
})
