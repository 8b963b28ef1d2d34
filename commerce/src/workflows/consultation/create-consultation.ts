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
  /** ISO start of the booked slot: phone and video only. */
  slot?: string | null
}

const MODE_NAMES: Record<ConsultationMode, string> = {
  text: "图文问诊",
  phone: "电话问诊",
  video: "视频问诊",
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * 待支付 at the doctor's price for the mode, read on the server. Only a licence-verified
 * doctor on duty who prices the mode; phone and video hold a seat of a slot the doctor's
 * schedule offers for that mode (409 when another member took the last one first).
 */
const openConsultationStep = createStep(
  "open-consultation",
  async (input: CreateConsultationInput, { container }) => {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const doctor = await consultations.doctorRow(input.doctor_id).catch(() => null)
    if (!doctor || !doctor.license_verified_at) throw refuse("请选择已核验执业资格的医生")
    if (!doctor.on_duty) throw refuse("该医生暂停接诊，请选择其他医生")
    const price = doctor.prices?.[input.mode]
    if (!Number.isSafeInteger(price) || price! <= 0) {
      throw refuse(`该医生暂未开通${MODE_NAMES[input.mode]}`)
    }
    let slot: { start: Date; end: Date; capacity: number } | undefined
    if (input.mode === "text") {
      if (input.slot) throw refuse("图文问诊无需预约时段，医生会在承诺时间内回复")
    } else {
      if (!input.slot) throw refuse(`${MODE_NAMES[input.mode]}请先选择预约时段`)
      const start = new Date(input.slot)
      if (Number.isNaN(start.getTime())) throw refuse("预约时段格式不正确")
      slot =
        (await consultations.offeredSlot(doctor.id, start, input.mode, new Date())) ?? undefined
      if (!slot) throw refuse("该时段不可预约，请重新选择医生排班中的时段")
    }
    const row: ConsultationRow = await consultations.openConsultation({
      customer_id: input.customer_id,
      doctor_id: input.doctor_id,
      mode: input.mode,
      question: input.question,
      price_fen: price!,
      slot,
    })
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (!id) return
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    await consultations.releaseSeats([id])
    await consultations.deleteConsultations(id)
  }
)

/** `POST /store/consultations`. */
export const createConsultationWorkflow = createWorkflow(
  "create-consultation",
  (input: CreateConsultationInput) => new WorkflowResponse(openConsultationStep(input))
)
