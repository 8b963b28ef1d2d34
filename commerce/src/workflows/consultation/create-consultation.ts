import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import type { ConsultationMode, ConsultationRow } from "../../modules/consultation/service"

export type CreateConsultationInput = {
  customer_id: string
  doctor_id: string
  mode: ConsultationMode
  question: string
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * 待支付 at the doctor's price for the mode, read on the server. Only a licence-verified
 * doctor on duty who prices the mode; phone and video need slots (a later session).
 */
const openConsultationStep = createStep(
  "open-consultation",
  async (input: CreateConsultationInput, { container }) => {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    if (input.mode !== "text") throw refuse("电话问诊和视频问诊暂未开放，请选择图文问诊")
    const doctor = await consultations.doctorRow(input.doctor_id).catch(() => null)
    if (!doctor || !doctor.license_verified_at) throw refuse("请选择已核验执业资格的医生")
    if (!doctor.on_duty) throw refuse("该医生暂停接诊，请选择其他医生")
    const price = doctor.prices?.[input.mode]
    if (!Number.isSafeInteger(price) || price! <= 0) throw refuse("该医生暂未开通图文问诊")
    const row: ConsultationRow = await consultations.openConsultation({
      ...input,
      price_fen: price!,
    })
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
        .deleteConsultations(id)
  }
)

/** `POST /store/consultations`. */
export const createConsultationWorkflow = createWorkflow(
  "create-consultation",
  (input: CreateConsultationInput) => new WorkflowResponse(openConsultationStep(input))
)
