import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { WithdrawalRow } from "../../../../modules/affiliate/service"
import type { ListWithdrawalsQueryType } from "../../../validators"
import { withdrawalView } from "../../../views"

/** The withdrawal queue, oldest first, so requests are handled in order. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const { limit, offset, status } = req.validatedQuery as ListWithdrawalsQueryType
  const [withdrawals, count] = await service.listAndCountWithdrawals(status ? { status } : {}, {
    take: limit,
    skip: offset,
    order: { created_at: "ASC" },
  })
  res.json({
    withdrawals: withdrawals.map((w) =>
      withdrawalView(w as unknown as WithdrawalRow, { staff: true })
    ),
    count,
    limit,
    offset,
  })
}
