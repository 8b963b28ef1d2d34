import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "./affiliate-service"

type Input = {
  order_id: string
  customer_id: string | null
  created_at: Date | string | null
  referral_code: string | null
}

type Outcome = "bound" | "skipped" | "refused"

/**
 * The web keeps a share link's code for 30 days and puts it on the cart as
 * `metadata.referral_code`: a member without a referrer is bound with their first order,
 * so that order already pays the referrer. The usual rules apply (once, not oneself, no
 * cycle); a refused code is logged and the order goes on.
 */
export const bindReferrerAtFirstOrderStep = createStep(
  "affiliate-bind-referrer-at-first-order",
  async (input: Input, { container }): Promise<StepResponse<Outcome>> => {
    if (!input.customer_id || !input.referral_code || !input.created_at) {
      return new StepResponse("skipped")
    }
    const service = affiliateService(container)
    const member = await service.ensureAffiliate(input.customer_id)
    if (member.referrer_id) return new StepResponse("skipped")
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: earlier } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: {
        customer_id: input.customer_id,
        id: { $ne: input.order_id },
        created_at: { $lte: new Date(input.created_at) },
      },
      pagination: { take: 1, skip: 0 },
    })
    if (earlier.length) return new StepResponse("skipped")
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    try {
      await service.bindReferrer({ customer_id: input.customer_id, code: input.referral_code })
      return new StepResponse("bound")
    } catch (error) {
      logger.warn(
        `affiliate: order ${input.order_id} carries referral code ${input.referral_code}, not bound: ${
          (error as Error).message
        }`
      )
      return new StepResponse("refused")
    }
  }
)
