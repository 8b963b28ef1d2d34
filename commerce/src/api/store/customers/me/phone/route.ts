import { answeringConflicts } from "../../../../conflict-response"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { normalizeCnMobile } from "../../../../../lib/phone/normalize-cn-mobile"
import { bindMemberPhoneWorkflow } from "../../../../../workflows/bind-member-phone"
import { boundMember } from "./bound-member"
import type { BindPhoneBodyType } from "./validators"

/**
 * `{ phone, code }` with a code texted for purpose "bind" → the number is the member's
 * phone and signs them in from now on. A number another member signs in with is 409.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<BindPhoneBodyType>,
  res: MedusaResponse
) {
  const phone = normalizeCnMobile(req.validatedBody.phone)
  if (!phone) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "请输入正确的中国大陆手机号")
  }
  const customerId = req.auth_context.actor_id
  const bound = await answeringConflicts(res, async () => {
    await bindMemberPhoneWorkflow(req.scope).run({
      input: {
        customer_id: customerId,
        auth_identity_id: req.auth_context.auth_identity_id,
        phone,
        code: req.validatedBody.code,
      },
    })
  })
  if (!bound) return
  res.status(200).json({ customer: await boundMember(req.scope, customerId) })
}
