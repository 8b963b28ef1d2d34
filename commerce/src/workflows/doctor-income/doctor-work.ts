import type { MedusaContainer } from "@medusajs/framework/types"
import { ASSESSMENT_MODULE } from "../../modules/assessment"
import type AssessmentModuleService from "../../modules/assessment/service"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import type { DoctorWork } from "../../modules/doctor-income/rules/doctor-earning-amount"
import type { DoctorEarningSource } from "../../modules/doctor-income/types"
import { GROUP_SESSION_MODULE } from "../../modules/group-session"
import type GroupSessionModuleService from "../../modules/group-session/service"

export type DoctorEarningSourceRef = { source_type: DoctorEarningSource; source_id: string }

export type DoneDoctorWork = { doctor_id: string; work: DoctorWork; earned_at: Date }

/**
 * The finished work a source stands for, or null while it is not (yet) income: a
 * consultation only once 已完成 (a refunded or cancelled one never earns), an assessment once
 * its first report version is published, a group session once it has ended with at least
 * one member in the room.
 */
export async function doneDoctorWork(
  container: Pick<MedusaContainer, "resolve">,
  source: DoctorEarningSourceRef,
  now = new Date()
): Promise<DoneDoctorWork | null> {
  if (source.source_type === "consultation") {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const row = await consultations.ownedConsultation(source.source_id).catch(() => null)
    if (!row || row.status !== "completed") return null
    return {
      doctor_id: row.doctor_id,
      work: { source_type: "consultation", mode: row.mode, price_fen: Number(row.price_fen) },
      earned_at: new Date(row.completed_at ?? now),
    }
  }
  if (source.source_type === "assessment") {
    const assessments = container.resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
    const [first] = await assessments.listArchiveAssessmentVersions(
      { assessment_id: source.source_id, version: 1 },
      { take: 1 }
    )
    if (!first) return null
    return {
      doctor_id: first.doctor_id,
      work: { source_type: "assessment" },
      earned_at: new Date(first.published_at),
    }
  }
  const sessions = container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)
  const session = await sessions.sessionRow(source.source_id).catch(() => null)
  if (!session || new Date(session.ends_at).getTime() > now.getTime()) return null
  const joined = (await sessions.joinedCounts([session.id])).get(session.id) ?? 0
  if (!joined) return null
  return {
    doctor_id: session.doctor_id,
    work: { source_type: "group_session" },
    earned_at: new Date(session.ends_at),
  }
}
