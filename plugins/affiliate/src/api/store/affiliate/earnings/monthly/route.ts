import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { MAX_EARNINGS_MONTHS, monthlyEarningsFen } from "../../../../../lib/monthly-earnings"
import { fenToYuan } from "../../../../../lib/money"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"

const MonthlyEarningsQuery = z.object({
  months: z.coerce
    .number()
    .refine(
      (n) => Number.isInteger(n) && n >= 1 && n <= MAX_EARNINGS_MONTHS,
      `months 须为 1 到 ${MAX_EARNINGS_MONTHS} 的整数`
    )
    .default(6),
})

/**
 * The member's net commission per month (Beijing time) for the earnings chart, summed over
 * all their ledger entries: `{ monthly_earnings: [{ month, amount, amount_fen }] }`, oldest
 * first. `amount` is yuan like the rest of the store API; `amount_fen` the exact integer.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const parsed = MonthlyEarningsQuery.safeParse(req.query)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues[0].message)
  }
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate = await service.ensureAffiliate(req.auth_context.actor_id)
  const months = await monthlyEarningsFen(
    req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    affiliate.id,
    new Date(),
    parsed.data.months
  )
  res.json({
    monthly_earnings: months.map((m) => ({ ...m, amount: fenToYuan(m.amount_fen) })),
  })
}
