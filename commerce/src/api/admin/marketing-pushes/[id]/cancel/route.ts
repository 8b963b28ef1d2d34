import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelMarketingPushWorkflow } from "../../../../../workflows/marketing-push/cancel-marketing-push"

/** Cancels a push that has not started sending (409 otherwise). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { result } = await cancelMarketingPushWorkflow(req.scope).run({
    input: { id: req.params.id },
  })
  res.json({ marketing_push: result })
}
