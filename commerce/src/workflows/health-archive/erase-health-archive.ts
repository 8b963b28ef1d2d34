import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SealedFileStore } from "../../lib/health-files/sealed-file-store"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import { eraseMemberConstitutionStep } from "../constitution/steps/erase-member-constitution-step"
import { eraseMemberAssessmentsStep } from "../assessment/steps/erase-member-assessments-step"

/**
 * Deletes what the archive holds about a member: reports and uploads (files too)
 * and tested people (constitution results: the workflow's next step); every consent is withdrawn, so the lab stops work
 * and keeps no sample. Kits stay as order records, without the person tested.
 * Irreversible by design, so it has no compensation; files go last.
 */
const eraseHealthArchiveStep = createStep(
  "erase-health-archive",
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const reports = await archive.listLabReports({ customer_id })
    const uploads = await archive.listMemberUploads({ customer_id })
    // Removed 就诊人 too: their sealed ID numbers go with the archive.
    const persons = await archive.listTestSubjects({ customer_id }, { withDeleted: true })
    const open = await archive.listConsents({ customer_id, withdrawn_at: null })
    const kits = await archive.listKits({ customer_id }, { select: ["id"] })

    const now = new Date()
    if (open.length)
      await archive.updateConsents(open.map((c) => ({ id: c.id, withdrawn_at: now })))
    if (kits.length) await archive.updateKits(kits.map((k) => ({ id: k.id, person_id: null })))
    await archive.deleteLabReports(reports.map((r) => r.id))
    await archive.forgetFindingsOf(customer_id)
    await archive.deleteMemberUploads(uploads.map((u) => u.id))
    await archive.deleteTestSubjects(persons.map((p) => p.id))
    await new SealedFileStore(container.resolve(Modules.FILE)).remove([
      ...reports.map((r) => r.file_id),
      ...uploads.map((u) => u.file_id),
    ])
    return new StepResponse({
      reports: reports.length,
      uploads: uploads.length,
      persons: persons.length,
      consents_withdrawn: open.length,
    })
  }
)

export const eraseHealthArchiveWorkflow = createWorkflow(
  "erase-health-archive",
  (input: { customer_id: string }) => {
    const archive = eraseHealthArchiveStep(input)
    // Constitution results are the constitution module's: erased by its own step.
    const constitution = eraseMemberConstitutionStep(input)
    // So are the experts' 检测评估 with their grants: the assessment module's own step.
    eraseMemberAssessmentsStep(input)
    return new WorkflowResponse(
      transform({ archive, constitution }, ({ archive, constitution }) => ({
        reports: archive.reports,
        uploads: archive.uploads,
        assessments: constitution.assessments,
        persons: archive.persons,
        consents_withdrawn: archive.consents_withdrawn,
      }))
    )
  }
)
