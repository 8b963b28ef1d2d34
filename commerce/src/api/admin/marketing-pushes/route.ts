import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETING_PUSH_MODULE } from "../../../modules/marketing-push"
import type MarketingPushModuleService from "../../../modules/marketing-push/service"
import { createMarketingPushWorkflow } from "../../../workflows/marketing-push/create-marketing-push"
import type { CreateMarketingPushBodyType, ListMarketingPushesQueryType } from "./validators"

/** 推送中心: the pushes, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit: take, offset: skip } = req.validatedQuery as ListMarketingPushesQueryType
  const pushes = req.scope.resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
  const [rows, count] = await pushes.listAndCountMarketingPushes(
    {},
    { take, skip, order: { created_at: "DESC" } }
  )
  res.json({ marketing_pushes: rows, count, limit: take, offset: skip })
}

/** Composes a push, sent now or at `send_at`. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = req.validatedBody as CreateMarketingPushBodyType
  const { result } = await createMarketingPushWorkflow(req.scope).run({
    input: { ...body, created_by: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ marketing_push: result })
}
