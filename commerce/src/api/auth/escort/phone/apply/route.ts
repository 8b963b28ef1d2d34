import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInActorByPhone } from "../../../../../lib/auth/sign-in-actor-by-phone"
import { signUpEscortApplicantWorkflow } from "../../../../../workflows/escort-admission/sign-up-escort-applicant"

/**
 * `{ phone, code }` → an `escort` token for the admission app (陪诊员入驻): any number may
 * apply; a new one becomes an applicant. The token opens /escort/admission only until staff
 * activate the escort (escortRequest refuses tasks to anyone not active).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { token } = await signInActorByPhone(req, {
    actorType: "escort",
    actorOf: async (phone) => {
      const { result } = await signUpEscortApplicantWorkflow(req.scope).run({ input: { phone } })
      return result
    },
    refusal: "登录失败，请重试",
  })
  res.status(200).json({ token })
}
