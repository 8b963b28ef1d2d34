import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import JSZip from "jszip"
import { CONSTITUTION_MODULE } from "../modules/constitution"
import type ConstitutionModuleService from "../modules/constitution/service"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { SealedFileStore } from "../lib/health-files/sealed-file-store"

const safeName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 120)

/**
 * Everything a member's archive holds, as one zip (PIPL's right to a copy): the lab
 * reports and uploads decrypted, and the rest as readable JSON.
 */
export async function buildArchiveExport(container: MedusaContainer, customerId: string) {
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const store = new SealedFileStore(container.resolve(Modules.FILE))
  const kitRows = await archive.listKits({ customer_id: customerId }, { select: ["id"] })
  const kits = await archive.kitViews(kitRows.map((kit) => kit.id))
  const consents = await archive.listConsents({ customer_id: customerId })
  const { assessments } = await constitution.listConstitutionAssessmentsOf(customerId, {
    take: 1000,
  })
  const reviews = await constitution.reviewsOfAssessments(
    assessments.map((a) => a.id),
    { publishedOnly: true }
  )
  const versions = await constitution.reviewVersions([...reviews.values()].map((r) => r.id))
  const reports = await archive.listLabReports({ customer_id: customerId })
  const uploads = await archive.listMemberUploads({ customer_id: customerId })

  const zip = new JSZip()
  const reportEntries = []
  for (const report of reports) {
    const kit = kits.find((k) => k.id === report.kit_id)
    const name = `报告/${safeName(`${kit?.product_title ?? "检测报告"}-${kit?.barcode ?? report.id}`)}-${report.id}.pdf`
    zip.file(name, await store.get(report))
    reportEntries.push({
      ...archive.reportView(report as never, kit ?? { barcode: null, product_title: "" }),
      // The structured findings are the member's data too (PIPL: a full copy).
      findings: (await archive.reportFindings(report.id)).findings,
      file: name,
    })
  }
  const uploadEntries = []
  for (const row of uploads) {
    const upload = archive.uploadView(row as never)
    const name = `资料/${row.id}-${safeName(upload.filename)}`
    zip.file(name, await store.get(row))
    uploadEntries.push({ ...upload, file: name })
  }
  const summary = {
    exported_at: new Date().toISOString(),
    kits,
    persons: await archive.personsOf(customerId),
    consents: consents.map((row) => archive.consentView(row as never)),
    assessments: assessments.map((a) => {
      const review = reviews.get(a.id)
      // Every version the member was shown, the 修订说明 with each.
      return { ...a, review: review ?? null, review_versions: versions.get(review?.id ?? "") ?? [] }
    }),
    reports: reportEntries,
    uploads: uploadEntries,
  }
  zip.file("健康档案.json", JSON.stringify(summary, null, 2))
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
}
