import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { SealedFileStore } from "../lib/health-files/sealed-file-store"

/**
 * A report's PDF, decrypted. `owner_id` limits it to that member's reports (null for
 * staff, whose access the admin middleware has checked); null when there is none.
 */
export async function openLabReport(
  container: MedusaContainer,
  input: { report_id: string; owner_id: string | null }
) {
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const [report] = await archive.listLabReports({
    id: input.report_id,
    ...(input.owner_id ? { customer_id: input.owner_id } : {}),
  })
  if (!report) return null
  const [kit] = await archive.listKits({ id: report.kit_id })
  const bytes = await new SealedFileStore(container.resolve(Modules.FILE)).get({
    file_id: report.file_id,
    key_id: report.key_id,
  })
  return {
    report,
    bytes,
    mime_type: "application/pdf",
    filename: `${kit?.product_title ?? "检测报告"}-${kit?.barcode ?? report.id}.pdf`,
  }
}
