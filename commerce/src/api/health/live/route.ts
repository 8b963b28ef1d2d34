import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Liveness: the process answers HTTP. No dependency is checked, so a database outage never
 * makes the orchestrator restart healthy processes (readiness takes them out of rotation).
 */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.setHeader("cache-control", "no-store")
  res.json({ status: "ok" })
}
