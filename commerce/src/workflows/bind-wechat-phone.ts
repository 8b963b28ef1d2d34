import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { attachPhoneIdentityStep } from "./steps/attach-phone-identity-step"
import { wechatPhoneNumberStep } from "./steps/wechat-phone-number-step"

export type BindWechatPhoneInput = {
  customer_id: string
  auth_identity_id: string
  /** The one-off code of the mini-program's getPhoneNumber button. */
  code: string
}

/**
 * Binds the number a member shared with 手机号快速验证: WeChat has verified it, so it
 * replaces our SMS code; from there on it is the same binding as bind-member-phone.
 */
export const bindWechatPhoneWorkflow = createWorkflow(
  "bind-wechat-phone",
  (input: BindWechatPhoneInput) => {
    const { phone } = wechatPhoneNumberStep({ code: input.code })
    attachPhoneIdentityStep({
      auth_identity_id: input.auth_identity_id,
      customer_id: input.customer_id,
      phone,
    })
    const update = transform({ input, phone }, ({ input, phone }) => ({
      selector: { id: input.customer_id },
      update: { phone },
    }))
    const customers = updateCustomersWorkflow.runAsStep({ input: update })
    return new WorkflowResponse(transform({ customers }, ({ customers }) => customers[0]))
  }
)
