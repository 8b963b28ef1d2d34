import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { ListAffiliatesQueryType } from "../../../validators"
import { balancesView } from "../../../views"
import { customersOf } from "../customers-of"

/** Affiliates with their customer, balances and team size, filtered by status or code. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const { limit, offset, status, code, customer_id } = req.validatedQuery as ListAffiliatesQueryType
  const [affiliates, count] = await service.listAndCountAffiliates(
    {
      ...(status && { status }),
      ...(code && { code: code.toUpperCase() }),
      ...(customer_id && { customer_id }),
    },
    { take: limit, skip: offset, order: { created_at: "DESC" } }
  )
  const byId = await customersOf(
    req.scope,
    affiliates.map((a) => a.customer_id)
  )
  const rows = await Promise.all(
    affiliates.map(async (affiliate) => ({
      ...affiliate,
      customer: byId.get(affiliate.customer_id) ?? null,
      balances: balancesView(await service.balancesOf(affiliate.id)),
      direct_referrals: (await service.listAffiliates({ referrer_id: affiliate.id })).length,
    }))
  )
  res.json({ affiliates: rows, count, limit, offset })
}
