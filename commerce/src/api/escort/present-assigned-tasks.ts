import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { clientAddress } from "../../lib/http/client-address"
import { AUDIT_LOG_MODULE } from "../../modules/audit-log"
import type AuditLogModuleService from "../../modules/audit-log/service"
import { ESCORT_MODULE } from "../../modules/escort"
import { patientDetailsAccess } from "../../modules/escort/rules/patient-details-access"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortBookingRow } from "../../modules/escort/types"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"

/** The audit action of an escort's read of a patient's details. */
export const PATIENT_DETAILS_READ = "escort.patient_details.read"

/**
 * The escort's own tasks as they may read them now: with the patient's details while the
 * task is active (assignment until 服务完成 + 24 h) and the sharing consent stands, every such
 * read written to the audit log; otherwise the service record alone, with the reason.
 */
export async function presentAssignedTasks(
  req: AuthenticatedMedusaRequest,
  rows: EscortBookingRow[]
) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const archive = req.scope.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const ids = rows.map((row) => row.id)
  const [completedAt, withdrawn] = await Promise.all([
    escorts.completedAtOf(ids),
    archive.escortSharingWithdrawn(ids),
  ])
  const now = new Date()
  const shown: string[] = []
  const tasks = rows.map((row) => {
    const access = patientDetailsAccess({
      status: row.status,
      completed_at: completedAt.get(row.id) ?? null,
      sharing_withdrawn: withdrawn.has(row.id),
      now,
    })
    if (!access.visible) {
      return {
        ...escorts.presentBooking(row, "ended_task"),
        patient_details_hidden: true,
        patient_details_hidden_reason: access.reason,
      }
    }
    shown.push(row.id)
    return { ...escorts.presentBooking(row, "assigned_escort"), patient_details_hidden: false }
  })
  if (shown.length) {
    await req.scope.resolve<AuditLogModuleService>(AUDIT_LOG_MODULE).createAuditEntries(
      rows
        .filter((row) => shown.includes(row.id))
        .map((row) => ({
          actor_id: req.auth_context.actor_id,
          action: PATIENT_DETAILS_READ,
          method: req.method,
          path: (req.originalUrl ?? req.url).split(/[?#]/)[0],
          status: 200,
          ip: clientAddress(req),
          user_agent: req.get("user-agent") ?? null,
          details: { booking_id: row.id, customer_id: row.customer_id },
        }))
    )
  }
  return tasks
}
