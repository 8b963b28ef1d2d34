import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MARKETING_PUSH_MODULE } from "../../../../modules/marketing-push"
import type MarketingPushModuleService from "../../../../modules/marketing-push/service"
import { pushFigures } from "../../../../workflows/marketing-push/push-figures"

/** One push with its figures per channel. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pushes = req.scope.resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
  const [push] = await pushes.listMarketingPushes({ id: req.params.id }, { take: 1 })
  if (!push) throw new MedusaError(MedusaError.Types.NOT_FOUND, "推送不存在")
  res.json({ marketing_push: { ...push, figures: await pushFigures(req.scope, push.id) } })
}
