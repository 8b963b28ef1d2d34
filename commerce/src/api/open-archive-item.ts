import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../lib/health-files/sealed-file-store"
import { CONSTITUTION_MODULE } from "../modules/constitution"
import type ConstitutionModuleService from "../modules/constitution/service"
import { ESCORT_MODULE } from "../modules/escort"
import type EscortModuleService from "../modules/escort/service"
import { ESCORT_MESSAGING_MODULE } from "../modules/escort-messaging"
import type EscortMessagingModuleService from "../modules/escort-messaging/service"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { openLabReport } from "./open-lab-report"

export type ArchiveFile = { bytes: Buffer; mime_type: string; filename: string }

/** A member's lab report or uploaded record, decrypted; null when it is not that member's. */
export async function openArchiveFile(
  container: MedusaContainer,
  item: { item_type: "report" | "upload"; item_id: string; owner_id: string }
): Promise<ArchiveFile | null> {
  if (item.item_type === "report") {
    return openLabReport(container, { report_id: item.item_id, owner_id: item.owner_id })
  }
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const [row] = await archive.listMemberUploads({ id: item.item_id, customer_id: item.owner_id })
  if (!row) return null
  const view = archive.uploadView(row as never)
  return {
    bytes: await new SealedFileStore(container.resolve(Modules.FILE)).get(row),
    mime_type: view.mime_type,
    filename: view.filename,
  }
}

/**
 * A member's archive item as a reader opens it: a file (lab report, upload) or the record's
 * data (constitution result, escort service report). Null when it is not that member's.
 */
export async function openArchiveItem(
  container: MedusaContainer,
  item: {
    item_type: "report" | "upload" | "constitution" | "escort_report"
    item_id: string
    owner_id: string
  }
): Promise<{ file: ArchiveFile } | { data: Record<string, unknown> } | null> {
  if (item.item_type === "report" || item.item_type === "upload") {
    const file = await openArchiveFile(container, { ...item, item_type: item.item_type })
    return file && { file }
  }
  if (item.item_type === "constitution") {
    const result = await container
      .resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
      .constitutionAssessment(item.item_id)
    if (result?.customer_id !== item.owner_id) return null
    const { customer_id: _owner, ...data } = result
    return { data: { constitution: data } }
  }
  const booking = await container
    .resolve<EscortModuleService>(ESCORT_MODULE)
    .ownedBooking(item.item_id, item.owner_id)
    .catch(() => null)
  if (!booking) return null
  const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
  const row = await messaging.reportOf(booking.id)
  if (!row) return null
  // The photographed documents stay with the booking; the expert reads the steps and advice.
  const { steps, doctor_advice, created_at } = await messaging.presentReport(row, () => "")
  return { data: { escort_report: { booking_id: booking.id, steps, doctor_advice, created_at } } }
}
