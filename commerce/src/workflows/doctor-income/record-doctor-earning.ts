import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import {
  doctorEarningAmount,
  releaseAt,
} from "../../modules/doctor-income/rules/doctor-earning-amount"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"
import type { DoctorEarningRow } from "../../modules/doctor-income/types"
import { doneDoctorWork, type DoctorEarningSourceRef } from "./doctor-work"

/**
 * The doctor's earning for finished work, created once: the share or fee under the settings
 * now, pending until the hold after the work was done has passed. Answers null for work not
 * (or no longer) finished. Safe to call again and concurrently: the first row stays.
 */
export async function recordDoctorEarning(
  container: Pick<MedusaContainer, "resolve">,
  source: DoctorEarningSourceRef,
  now = new Date()
): Promise<{ created: boolean; earning: DoctorEarningRow } | null> {
  const income = container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
  const existing = await income.earningOf(source.source_type, source.source_id)
  if (existing) return { created: false, earning: existing }
  const done = await doneDoctorWork(container, source, now)
  if (!done) return null
  const settings = await income.settings()
  return income.recordEarning({
    ...source,
    ...doctorEarningAmount(done.work, settings),
    doctor_id: done.doctor_id,
    earned_at: done.earned_at,
    release_at: releaseAt(done.earned_at, settings),
  })
}

const recordDoctorEarningStep = createStep(
  "record-doctor-earning",
  async (source: DoctorEarningSourceRef, { container }) => {
    const recorded = await recordDoctorEarning(container, source)
    return new StepResponse(recorded, recorded?.created ? recorded.earning.id : null)
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container
        .resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
        .dropEarning(createdId)
    }
  }
)

/**
 * Finished work → the doctor's pending earning: from the consultation's completion, the
 * first assessment report, or the sweep (ended group sessions, and anything whose event
 * was lost).
 */
export const recordDoctorEarningWorkflow = createWorkflow(
  "record-doctor-earning",
  (input: DoctorEarningSourceRef) => new WorkflowResponse(recordDoctorEarningStep(input))
)
