import { createCustomersWorkflow, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export type CreateMemberAccountInput = {
  authIdentityId: string
  customerData: { phone?: string | null; metadata?: Record<string, unknown> }
}

/**
 * Registers a member who signed in by phone code or WeChat. Medusa's own account
 * workflow insists on an email; these members have none (yet), and the customer model
 * allows that, so this creates the customer and binds it to the auth identity directly.
 */
export const createMemberAccountWorkflow = createWorkflow(
  "create-member-account",
  (input: CreateMemberAccountInput) => {
    const customersData = transform({ input }, ({ input }) => [
      { ...input.customerData, email: null, has_account: true },
    ])
    const customers = createCustomersWorkflow.runAsStep({ input: { customersData } })
    const customer = transform({ customers }, ({ customers }) => customers[0])
    setAuthAppMetadataStep({
      authIdentityId: input.authIdentityId,
      actorType: "customer",
      value: customer.id,
    })
    return new WorkflowResponse(customer)
  }
)
