import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"

/** The demo coupon: ¥20 off any order in yuan; operations make real ones in Medusa's admin. */
export const DEMO_PROMOTION_CODE = "WELCOME20"

export async function ensureDemoPromotion(container: MedusaContainer) {
  const existing = await container
    .resolve(Modules.PROMOTION)
    .listPromotions({ code: DEMO_PROMOTION_CODE }, { select: ["id"] })
  if (existing.length) return
  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: DEMO_PROMOTION_CODE,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: {
            type: "fixed",
            target_type: "order",
            allocation: "across",
            value: 20,
            currency_code: "cny",
          },
        },
      ],
    },
  })
}
