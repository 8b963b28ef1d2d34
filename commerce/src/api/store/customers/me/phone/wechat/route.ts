import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { answeringConflicts } from "../../../../../conflict-response"
import { bindWechatPhoneWorkflow } from "../../../../../../workflows/bind-wechat-phone"
import { WECHAT_PHONE_UNAVAILABLE } from "../../../../../../workflows/steps/wechat-phone-number-step"
import { boundMember } from "../bound-member"
import type { BindWechatPhoneBodyType } from "./validators"

/**
 * `{ code }` from the mini-program's 手机号快速验证 button → the number WeChat verified is
 * the member's phone. A number another member signs in with is 409; WeChat not answering
 * is 502, so the page can offer the SMS code instead.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<BindWechatPhoneBodyType>,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  let bound: boolean
  try {
    bound = await answeringConflicts(res, async () => {
      await bindWechatPhoneWorkflow(req.scope).run({
        input: {
          customer_id: customerId,
          auth_identity_id: req.auth_context.auth_identity_id,
          code: req.validatedBody.code,
        },
      })
    })
  } catch (error) {
    if (MedusaError.isMedusaError(error) && error.code === WECHAT_PHONE_UNAVAILABLE) {
      res.status(502).json({ type: "wechat_unavailable", message: error.message })
      return
    }
    throw error
  }
  if (!bound) return
  res.status(200).json({ customer: await boundMember(req.scope, customerId) })
}
