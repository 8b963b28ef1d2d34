import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { setAffiliateStatusWorkflow } from "../../../../../workflows/programme-settings"
import type { UpdateAffiliateBodyType } from "../../../../validators"
import { balancesView } from "../../../../views"
import { customersOf } from "../../customers-of"

/** One affiliate with their upline and referral tree (up to 3 levels). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [affiliate] = await service.listAffiliates({ id: req.params.id })
  if (!affiliate) {
    res.status(404).json({ type: "not_found", message: "分销会员不存在" })
    return
  }
  const [upline, team, balances] = await Promise.all([
    affiliate.referrer_id ? service.chainAbove(affiliate.referrer_id, 3) : Promise.resolve([]),
    service.team(affiliate.id, 3),
    service.balancesOf(affiliate.id),
  ])
  const people = [affiliate, ...upline, ...team.flatMap((level) => level.members)]
  const customers = await customersOf(
    req.scope,
    people.map((person) => person.customer_id)
  )
  const withCustomer = <T extends { customer_id: string }>(row: T) => ({
    ...row,
    customer: customers.get(row.customer_id) ?? null,
  })
  res.json({
    affiliate: {
      ...withCustomer(affiliate),
      balances: balancesView(balances),
      upline: upline.map(withCustomer),
      team: team.map((level) => ({ level: level.level, members: level.members.map(withCustomer) })),
    },
  })
}

/** Staff upgrade (distributor), downgrade (member) or disable an affiliate. */
export async function POST(
  req: AuthenticatedMedusaRequest<UpdateAffiliateBodyType>,
  res: MedusaResponse
) {
  const { result } = await setAffiliateStatusWorkflow(req.scope).run({
    input: { affiliate_id: req.params.id, status: req.validatedBody.status },
  })
  res.json({ affiliate: result })
}
