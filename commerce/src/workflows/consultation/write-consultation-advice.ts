import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import { adviceNote } from "../../modules/consultation/rules/advice-note"
import type ConsultationModuleService from "../../modules/consultation/service"
import { consultationLockKey } from "./consultation-lock"
import { notifyConsultationMemberStep } from "./notify-consultation-member"
import { publishConsultationChangeStep } from "./publish-consultation-change"
import { releasePrivacyNumberStep } from "./release-privacy-number"

type Input = {
  consultation_id: string
  doctor_id: string
  health_advice: string
  follow_up_advice: string | null
}

const completeWithAdviceStep = createStep(
  "complete-consultation-with-advice",
  async (input: Input, { container }) => {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    await consultations.doctorConsultation(input.consultation_id, input.doctor_id)
    const row = await consultations.complete(
      input.consultation_id,
      input.doctor_id,
      adviceNote(input)
    )
    const doctor = await consultations.doctorRow(row.doctor_id)
    return new StepResponse({ row, doctor_name: doctor.name }, row.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ConsultationModuleService>(CONSULTATION_MODULE).undoComplete(id)
  }
)

/**
 * The doctor's advice note (健康建议 / 复诊建议) closes the consultation (进行中 → 已完成). It is
 * kept sealed with the consultation, listed in the member's health archive (assessments) and
 * announced in their inbox. One note per consultation: a second is 409.
 */
export const writeConsultationAdviceWorkflow = createWorkflow(
  "write-consultation-advice",
  (input: Input) => {
    const key = transform({ input }, ({ input }) => consultationLockKey(input.consultation_id))
    acquireLockStep({ key, timeout: 15, ttl: 60 })
    const done = completeWithAdviceStep(input)
    notifyConsultationMemberStep(
      transform({ done }, ({ done }) => ({
        customer_id: done.row.customer_id,
        consultation_id: done.row.id,
        kind: "advice" as const,
        title: "医生已给出健康建议",
        body: `${done.doctor_name}医生已完成本次问诊并给出健康建议，已存入您的健康档案。`,
      }))
    )
    // The call is over with the advice: the middle number goes back to the pool.
    releasePrivacyNumberStep(transform({ input }, ({ input }) => input.consultation_id))
    releaseLockStep({ key })
    publishConsultationChangeStep(transform({ input }, ({ input }) => input.consultation_id))
    // The doctor's income (doctor-income subscribers) accrues from this.
    emitEventStep({
      eventName: "consultation.completed",
      data: transform({ input }, ({ input }) => ({ id: input.consultation_id })),
    })
    return new WorkflowResponse(transform({ done }, ({ done }) => done.row))
  }
)
