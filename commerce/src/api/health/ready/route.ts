import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkReadiness } from "./check-readiness"

/**
 * Readiness: 200 when every dependency this process needs answers, else 503 naming the
 * failing ones (never why: messages could carry hosts or credentials).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { ready, checks } = await checkReadiness(req.scope)
  res.setHeader("cache-control", "no-store")
  res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "unavailable", checks })
}
