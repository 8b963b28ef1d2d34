import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInActorByPhone } from "../../../../lib/auth/sign-in-actor-by-phone"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"

/**
 * `{ phone, code }` → a `doctor` token. Only a doctor whose number staff recorded may sign in;
 * until staff verified their 执业证 the token opens nothing but their licence documents
 * (/doctor/license-documents: the admission flow), every other doctor route refuses it.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const { token } = await signInActorByPhone(req, {
    actorType: "doctor",
    actorOf: async (phone) => {
      const doctor = await consultations.doctorByPhone(phone)
      return doctor?.id ?? null
    },
    refusal: "该手机号不是平台登记的医生，请联系运营",
  })
  res.status(200).json({ token })
}
