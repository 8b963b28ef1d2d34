import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { LedgerRow } from "../../../../modules/affiliate/service"
import type { PaginationType } from "../../../validators"
import { entryView } from "../../../views"

/**
 * The member's commissions and their reversals, newest first. Bucket moves
 * (maturation, withdrawals) are bookkeeping pairs shown elsewhere as balances and
 * withdrawal records, not as lines a member has to add up.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const { limit, offset } = req.validatedQuery as PaginationType
  const affiliate = await service.ensureAffiliate(req.auth_context.actor_id)
  const [entries, count] = await service.listAndCountLedgerEntries(
    { affiliate_id: affiliate.id, kind: ["commission", "reversal"] },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({
    commissions: entries.map((entry) => entryView(entry as unknown as LedgerRow)),
    count,
    limit,
    offset,
  })
}
