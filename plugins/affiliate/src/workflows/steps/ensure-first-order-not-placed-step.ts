import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * A referrer is bound at registration or with the first order; a member who has
 * already bought without one cannot be claimed by a link later.
 */
export const ensureFirstOrderNotPlacedStep = createStep(
  "affiliate-ensure-first-order-not-placed",
  async (input: { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { customer_id: input.customer_id },
      pagination: { take: 1, skip: 0 },
    })
    if (orders.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "您已下过订单，推荐人只能在注册或首次下单时绑定"
      )
    }
    return new StepResponse(undefined)
  }
)
