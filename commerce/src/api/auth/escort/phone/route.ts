import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInActorByPhone } from "../../../../lib/auth/sign-in-actor-by-phone"
import { ESCORT_MODULE } from "../../../../modules/escort"
import type EscortModuleService from "../../../../modules/escort/service"

/**
 * `{ phone, code }` → an `escort` token. Only numbers operations added as escorts, and not
 * suspended, may sign in (see lib/auth/sign-in-actor-by-phone.ts).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const { token } = await signInActorByPhone(req, {
    actorType: "escort",
    actorOf: async (phone) => {
      const escort = await escorts.escortByPhone(phone)
      return escort?.status === "active" ? escort.id : null
    },
    refusal: "该手机号不是在岗的陪诊员，请联系运营",
  })
  res.status(200).json({ token })
}
