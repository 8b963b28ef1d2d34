import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { attachPhoneIdentityStep } from "./steps/attach-phone-identity-step"
import { verifySmsCodeStep } from "./steps/verify-sms-code-step"

export type BindMemberPhoneInput = {
  customer_id: string
  auth_identity_id: string
  /** +86 form. */
  phone: string
  /** The code texted for purpose "bind". */
  code: string
}

/**
 * Binds a mobile number the member has proved is theirs: the code is checked first, so
 * nobody learns whether a number they do not hold belongs to someone else.
 */
export const bindMemberPhoneWorkflow = createWorkflow(
  "bind-member-phone",
  (input: BindMemberPhoneInput) => {
    const checked = transform({ input }, ({ input }) => ({
      phone: input.phone,
      purpose: "bind" as const,
      code: input.code,
    }))
    verifySmsCodeStep(checked)
    attachPhoneIdentityStep({
      auth_identity_id: input.auth_identity_id,
      customer_id: input.customer_id,
      phone: input.phone,
    })
    const update = transform({ input }, ({ input }) => ({
      selector: { id: input.customer_id },
      update: { phone: input.phone },
    }))
    const customers = updateCustomersWorkflow.runAsStep({ input: update })
    return new WorkflowResponse(transform({ customers }, ({ customers }) => customers[0]))
  }
)
