import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { privacyNumberProviderFromEnv } from "../../../../../modules/privacy-number/aliyun-pls-provider"
import { doctorConsultation } from "../../../../consultation-request"

/** How long a middle number stays bound for one press of 拨打. */
const BINDING_MS = 2 * 3_600_000

/**
 * POST /doctor/consultations/:id/call → `{ call: { middle_number, expires_at } }`: the doctor
 * presses 拨打 in a phone consultation (待接诊 takes it, like a first reply) and dials the
 * middle number; neither side sees the other's number. The live binding is reused.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, consultation, reader } = await doctorConsultation(req)
  if (consultation.mode !== "phone") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "只有电话问诊可以拨打")
  }
  if (consultation.status !== "awaiting_doctor" && consultation.status !== "in_progress") {
    throw new MedusaError(MedusaError.Types.CONFLICT, "问诊已结束，不能再拨打")
  }
  const now = new Date()
  let binding = await consultations.liveBinding(consultation.id, now)
  if (!binding) {
    const doctor = await consultations.doctorRow(reader.id)
    const [member] = await req.scope
      .resolve<ICustomerModuleService>(Modules.CUSTOMER)
      .listCustomers({ id: consultation.customer_id }, { select: ["id", "phone"] })
    if (!member?.phone || !doctor.phone) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "会员或医生未绑定手机号，无法发起电话问诊，请在图文中沟通"
      )
    }
    const provider = privacyNumberProviderFromEnv()
    const expiresAt = new Date(now.getTime() + BINDING_MS)
    const made = await provider
      .bindAxb({
        phone_a: doctor.phone,
        phone_b: member.phone,
        expires_at: expiresAt,
        out_id: consultation.id,
      })
      .catch(() => {
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          "隐私号码服务暂时不可用，请稍后再试"
        )
      })
    try {
      await consultations.recordBinding({
        consultation_id: consultation.id,
        vendor: provider.vendor,
        ...made,
        expires_at: expiresAt,
      })
    } catch (error) {
      await provider.unbind(made).catch(() => undefined)
      throw error
    }
    binding = { id: "", vendor: provider.vendor, ...made, expires_at: expiresAt }
  }
  if (consultation.status === "awaiting_doctor") {
    await consultations.accept(consultation.id, reader.id)
  }
  res.json({
    call: {
      middle_number: binding.secret_no,
      expires_at: new Date(binding.expires_at).toISOString(),
    },
  })
}
