import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { balancesView, maskedCustomerLabels } from "../../../views"

/** The member's share code and link, who invited them (masked) and their balances. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate = await service.ensureAffiliate(req.auth_context.actor_id)
  const [balances, settings] = await Promise.all([
    service.balancesOf(affiliate.id),
    service.settings(),
  ])
  let referrer: string | null = null
  if (affiliate.referrer_id) {
    const [inviter] = await service.listAffiliates({ id: affiliate.referrer_id })
    const labels = await maskedCustomerLabels(req.scope, [inviter.customer_id])
    referrer = labels.get(inviter.customer_id) ?? "会员"
  }
  res.json({
    affiliate: {
      id: affiliate.id,
      code: affiliate.code,
      link: service.referralLink(affiliate.code),
      status: affiliate.status,
      referrer,
      bound_at: affiliate.bound_at,
      balances: balancesView(balances),
      programme: {
        rates_percent: settings.rates_bp.map((bp) => bp / 100),
        hold_days: settings.hold_days,
        min_withdrawal: settings.min_withdrawal / 100,
      },
    },
  })
}
