import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { publicOrigin } from "../../../../../lib/config/public-origins"
import { MARKETING_PUSH_MODULE } from "../../../../../modules/marketing-push"
import type MarketingPushModuleService from "../../../../../modules/marketing-push/service"
import type { MarketingPushClickQueryType } from "../../validators"

/**
 * The tracked link of a push: records the click of the delivery named by `m`, then
 * redirects to the push's link (a storefront path is made absolute). An unknown `m`
 * still redirects: the member should reach the content either way.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { m } = req.validatedQuery as MarketingPushClickQueryType
  const pushes = req.scope.resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
  const [push] = await pushes.listMarketingPushes({ id: req.params.id }, { take: 1 })
  if (!push?.link) throw new MedusaError(MedusaError.Types.NOT_FOUND, "推送不存在")
  await pushes.recordClick(push.id, m)
  res.redirect(
    302,
    push.link.startsWith("/") ? `${publicOrigin("storefront")}${push.link}` : push.link
  )
}
