import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { maskedCustomerLabels } from "../../../views"

/** Members the member invited, by level, masked: names never leave unmasked. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate = await service.ensureAffiliate(req.auth_context.actor_id)
  const { rates_bp } = await service.settings()
  const levels = await service.team(affiliate.id, rates_bp.length)
  const labels = await maskedCustomerLabels(
    req.scope,
    levels.flatMap((level) => level.members.map((member) => member.customer_id))
  )
  res.json({
    levels: levels.map(({ level, members }) => ({
      level,
      count: members.length,
      members: members.map((member) => ({
        name: labels.get(member.customer_id) ?? "会员",
        is_distributor: member.status === "distributor",
        joined_at: member.bound_at,
      })),
    })),
  })
}
