import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import {
  canMove,
  CONSULTATION_STATUS_LABELS,
} from "../../modules/consultation/rules/consultation-status"
import type ConsultationModuleService from "../../modules/consultation/service"
import { consultationLockKey } from "./consultation-lock"
import { publishConsultationChangeStep } from "./publish-consultation-change"

type Input = { consultation_id: string; doctor_id: string }

/** 待接诊 → 进行中; accepting one already taken answers it as it is. */
const acceptStep = createStep(
  "accept-consultation",
  async (input: Input, { container }) => {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const before = await consultations.doctorConsultation(input.consultation_id, input.doctor_id)
    // Accepting again what the doctor already took answers it as it is.
    if (before.status !== "in_progress" && !canMove(before.status, "in_progress")) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `问诊当前为「${CONSULTATION_STATUS_LABELS[before.status]}」，不能接诊`
      )
    }
    const { moved, consultation } = await consultations.accept(
      input.consultation_id,
      input.doctor_id
    )
    return new StepResponse(consultation, moved ? consultation.id : null)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ConsultationModuleService>(CONSULTATION_MODULE).undoAccept(id)
  }
)

/** The doctor takes a paid consultation (also done by their first reply). */
export const acceptConsultationWorkflow = createWorkflow("accept-consultation", (input: Input) => {
  const key = transform({ input }, ({ input }) => consultationLockKey(input.consultation_id))
  acquireLockStep({ key, timeout: 15, ttl: 60 })
  const consultation = acceptStep(input)
  releaseLockStep({ key })
  publishConsultationChangeStep(transform({ input }, ({ input }) => input.consultation_id))
  return new WorkflowResponse(consultation)
})
