import type { MedusaContainer } from "@medusajs/framework/types"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import { ASSESSMENT_MODULE } from "../../modules/assessment"
import type AssessmentModuleService from "../../modules/assessment/service"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"
import type { DoctorEarningSource } from "../../modules/doctor-income/types"
import { GROUP_SESSION_MODULE } from "../../modules/group-session"
import type GroupSessionModuleService from "../../modules/group-session/service"
import { recordDoctorEarning } from "./record-doctor-earning"

/** How far back the sweep looks for finished work that missed its earning. */
const CATCH_UP_DAYS = 7

/**
 * The doctor-income queue's periodic run. First finished work of the last days still
 * without an earning gets one: group sessions that ended (they have no event of their own),
 * and consultations or first reports whose event never arrived. Then every pending earning
 * past its hold becomes available. `now` is a parameter so tests and operations can run it
 * for a chosen moment.
 */
export async function releaseDueDoctorEarnings(container: MedusaContainer, now = new Date()) {
  const income = container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
  const since = new Date(now.getTime() - CATCH_UP_DAYS * 86_400_000)
  const [consultations, versions, sessions] = await Promise.all([
    container
      .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      .listConsultations(
        { status: "completed", completed_at: { $gte: since } },
        { select: ["id"], take: 500, order: { completed_at: "ASC" } }
      ),
    container
      .resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
      .listArchiveAssessmentVersions(
        { version: 1, published_at: { $gte: since } },
        { select: ["assessment_id"], take: 500, order: { published_at: "ASC" } }
      ),
    container
      .resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)
      .listGroupSessions(
        { ends_at: { $gte: since, $lte: now } },
        { select: ["id"], take: 500, order: { ends_at: "ASC" } }
      ),
  ])
  const candidates: [DoctorEarningSource, string[]][] = [
    ["consultation", consultations.map((row) => row.id)],
    ["assessment", versions.map((row) => row.assessment_id)],
    ["group_session", sessions.map((row) => row.id)],
  ]
  let recorded = 0
  for (const [source_type, ids] of candidates) {
    const have = await income.earnedSources(source_type, ids)
    for (const source_id of ids.filter((id) => !have.has(id))) {
      const result = await recordDoctorEarning(container, { source_type, source_id }, now)
      if (result?.created) recorded++
    }
  }
  const released = await income.releaseDue(now)
  return { recorded, released: released.length }
}
