import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ArchiveAccessEntry } from "@health/contracts"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"
import { archiveRequest } from "../../../health-archive-request"
import type { AccessLogQueryType } from "../validators"

/** Doctors' ids in the log (experts and consulting doctors act under them). */
const isDoctorId = (id: string | null) => !!id && id.startsWith("doc_")

/**
 * GET → `{ entries, count, offset, limit }`: who read or changed the member's health archive,
 * newest first (个人信息保护法: the member may know how their sensitive data is handled). A
 * doctor is named; other staff are 平台工作人员, never a staff account; reading this list is not
 * itself logged (it would only log itself).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId } = archiveRequest(req)
  const { offset, limit } = req.validatedQuery as AccessLogQueryType
  const [rows, count] = await archive.listAndCountArchiveAccesses(
    { owner_id: actorId },
    { order: { created_at: "DESC", id: "DESC" }, skip: offset, take: limit }
  )
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const doctorIds = [...new Set(rows.map((row) => row.actor_id).filter(isDoctorId))] as string[]
  const names = new Map(
    await Promise.all(
      doctorIds.map(
        async (id) =>
          [
            id,
            await consultations.doctorRow(id).then(
              (d) => d.name,
              () => null
            ),
          ] as const
      )
    )
  )
  const entries: ArchiveAccessEntry[] = rows.map((row) => {
    const doctor = isDoctorId(row.actor_id)
    return {
      id: row.id,
      at: new Date(row.created_at).toISOString(),
      actor:
        row.actor_type === "system"
          ? "system"
          : row.actor_type === "customer" && row.actor_id === actorId
            ? "self"
            : doctor
              ? "doctor"
              : "staff",
      actor_name: doctor ? (names.get(row.actor_id as string) ?? null) : null,
      action: row.action,
      resource_type: row.resource_type,
    }
  })
  res.setHeader("Cache-Control", "private, no-store")
  res.json({ entries, count, offset, limit })
}
