import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInActorByPhone } from "../../../../lib/auth/sign-in-actor-by-phone"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"

/**
 * `{ phone, code }` → a `doctor` token for the 在线诊室. Only a doctor whose number staff
 * recorded and whose 执业证 they verified may sign in.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const { token } = await signInActorByPhone(req, {
    actorType: "doctor",
    actorOf: async (phone) => {
      const doctor = await consultations.doctorByPhone(phone)
      return doctor?.license_verified_at ? doctor.id : null
    },
    refusal: "该手机号不是已核验执业证的医生，请联系运营",
  })
  res.status(200).json({ token })
}
