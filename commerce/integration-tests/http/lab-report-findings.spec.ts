import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import { generateKitBarcode } from "../../src/lib/kits/kit-barcode"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { makeReportPdf } from "../helpers/report-pdf"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }
type Finding = { item: string; gene: string | null; result: string; risk: string }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const noThrow = { validateStatus: () => true }
    const archive = () => getContainer().resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)

    /** A member's kit, received by the lab, with the demo lab's PDF ingested as its report. */
    async function reportFor(member: Headers, lab: Headers) {
      const customerId = (await api.get("/store/customers/me", member)).data.customer.id
      const [kit] = await archive().createKitsForOrder({
        customer_id: customerId,
        order_id: `order_${randomUUID()}`,
        collection_method: "mail_in",
        lines: [
          { line_item_id: `item_${randomUUID()}`, product_title: "肿瘤易感基因检测", units: 1 },
        ],
      })
      const barcode = generateKitBarcode()
      await archive().transitionKit(kit.id, "ship", { actor_type: "staff", patch: { barcode } })
      for (const action of ["activate", "receive"] as const) {
        await archive().transitionKit(kit.id, action, { actor_type: "staff" })
      }
      const pdf = await makeReportPdf({ barcode, extraLines: ["MTHFR C677T: detected (TT)"] })
      const form = new FormData()
      form.append(
        "files",
        new Blob([new Uint8Array(pdf)], { type: "application/pdf" }),
        `${barcode}.pdf`
      )
      const baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      const upload = await fetch(`${baseUrl}/admin/health-archive/report-batches`, {
        method: "POST",
        headers: lab.headers,
        body: form,
      })
      expect(upload.status).toBe(202)
      const batchId = (await upload.json()).batch.id
      const batch = await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${batchId}`, lab)).data.batch,
        (batch) => batch.status === "done"
      )
      expect(batch.files[0]).toMatchObject({ status: "done" })
      return { customerId, reportId: batch.files[0].report_id as string }
    }

    it("parses the known layout, lets lab staff correct it, shows the owner only, logs reads and drives suggestions", async () => {
      const container = getContainer()
      const key = await createPublishableKey(container)
      const lab = await adminHeaders(container, api as never, "lab@findings.test", ["lab"])
      const service = await adminHeaders(container, api as never, "cs@findings.test", ["service"])
      const expert = await adminHeaders(container, api as never, "expert@findings.test", ["expert"])
      const owner = await registerCustomer(api as never, key, "owner@findings.test")
      const other = await registerCustomer(api as never, key, "other@findings.test")
      const { customerId, reportId } = await reportFor(owner, lab)

      // The parser read the demo lab's lines: the variant found is the one flagged.
      const parsed = (await api.get(`/store/health-archive/reports/${reportId}`, owner)).data
      expect(parsed.report.id).toBe(reportId)
      expect(parsed.findings.source).toBe("parser")
      expect(parsed.findings.findings.map((f: Finding) => [f.gene, f.result, f.risk])).toEqual([
        ["BRCA1", "未检出", "low"],
        ["BRCA2", "未检出", "low"],
        ["MTHFR", "检出（TT）", "high"],
      ])
      expect(parsed.findings.findings[2].risk_label).toBe("高风险")
      const tags = async () =>
        (await api.get("/store/health-archive/suggestions", owner)).data.tags as string[]
      expect(await tags()).toContain("gene-mthfr")
      expect(await tags()).not.toContain("gene-brca1")

      // Another member, customer service and experts (without a grant) never see them.
      const stranger = await api.get(`/store/health-archive/reports/${reportId}`, {
        ...other,
        ...noThrow,
      })
      expect(stranger.status).toBe(404)
      expect(stranger.data.message).toBe("没有找到这份报告")
      for (const who of [service, expert]) {
        const refused = await api.get(`/admin/health-archive/reports/${reportId}/findings`, {
          ...who,
          ...noThrow,
        })
        expect(refused.status).toBe(403)
      }

      // Lab staff correct the list; bad input is refused in Chinese, never a 500.
      const bad = await api.post(
        `/admin/health-archive/reports/${reportId}/findings`,
        { findings: [{ item: "c.68_69del", gene: "BRCA1", result: "检出", risk: "严重" }] },
        { ...lab, ...noThrow }
      )
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/findings\.0\.risk.*[\u4e00-\u9fff]/)
      const recorded = await api.post(
        `/admin/health-archive/reports/${reportId}/findings`,
        {
          findings: [
            {
              item: "c.68_69del",
              gene: "BRCA1",
              result: "检出（杂合）",
              risk: "high",
              reference: "未检出",
            },
            { item: "叶酸代谢能力", gene: "MTHFR", result: "CT", risk: "low", reference: "" },
          ],
        },
        lab
      )
      expect(recorded.data.source).toBe("staff")
      expect(recorded.data.findings[1]).toMatchObject({ reference: null, risk_label: "低风险" })
      const missing = await api.post(
        "/admin/health-archive/reports/rep_missing/findings",
        { findings: [] },
        { ...lab, ...noThrow }
      )
      expect(missing.status).toBe(404)

      const corrected = (await api.get(`/store/health-archive/reports/${reportId}`, owner)).data
      expect(corrected.findings.findings.map((f: Finding) => f.gene)).toEqual(["BRCA1", "MTHFR"])
      // The suggestions follow the corrected findings.
      expect(await tags()).toContain("gene-brca1")
      expect(await tags()).not.toContain("gene-mthfr")

      // Every read and change is in the member's access log, with who did it.
      const log = await archive().listArchiveAccesses({ owner_id: customerId })
      const entries = log.map((row) => `${row.actor_type} ${row.action} ${row.resource_type}`)
      expect(entries).toEqual(
        expect.arrayContaining([
          "customer view report",
          "staff update report_findings",
          "customer view suggestions",
        ])
      )
      expect(log.filter((row) => row.actor_type === "staff").every((row) => row.actor_id)).toBe(
        true
      )
      // The stranger's attempt left no trace in the owner's log.
      expect(log.some((row) => row.actor_id !== customerId && row.actor_type === "customer")).toBe(
        false
      )
    })
  },
})
