import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { WithdrawalRow } from "../../../../modules/affiliate/service"
import { requestWithdrawalWorkflow } from "../../../../workflows/withdrawals"
import type { PaginationType, RequestWithdrawalBodyType } from "../../../validators"
import { toFenFromYuan, withdrawalView } from "../../../views"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const { limit, offset } = req.validatedQuery as PaginationType
  const affiliate = await service.ensureAffiliate(req.auth_context.actor_id)
  const [withdrawals, count] = await service.listAndCountWithdrawals(
    { affiliate_id: affiliate.id },
    { take: limit, skip: offset, order: { created_at: "DESC" } }
  )
  res.json({
    withdrawals: withdrawals.map((w) => withdrawalView(w as unknown as WithdrawalRow)),
    count,
    limit,
    offset,
  })
}

/** Requests a payout; `request_key` makes a double-submitted form one request. */
export async function POST(
  req: AuthenticatedMedusaRequest<RequestWithdrawalBodyType>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const { result } = await requestWithdrawalWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      amount: toFenFromYuan(body.amount),
      method: body.method,
      payee: body.payee ?? null,
      request_key: body.request_key,
    },
  })
  res.status(201).json({ withdrawal: withdrawalView(result) })
}
