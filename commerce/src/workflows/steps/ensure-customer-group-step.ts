import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/**
 * The id of the customer group named `name`, created if the seed has not made it yet (a
 * fresh installation); a group created here is removed again if the workflow fails.
 */
export const ensureCustomerGroupStep = createStep(
  "ensure-customer-group",
  async (name: string, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const [existing] = await customers.listCustomerGroups({ name }, { select: ["id"] })
    if (existing) return new StepResponse(existing.id, null)
    const created = await customers.createCustomerGroups({ name })
    return new StepResponse(created.id, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve(Modules.CUSTOMER).deleteCustomerGroups(createdId)
  }
)
