import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listEscortHospitalsWorkflow } from "../../../workflows/escort/list-escort-hospitals"

/**
 * GET /store/escort-hospitals?city=: the hospitals an escort can be booked at, with their
 * departments and each department's SOP, from commerce's synced copy of the CMS (so it
 * answers while the CMS is down).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { city } = req.validatedQuery as { city: string | null }
  const { result: hospitals } = await listEscortHospitalsWorkflow(req.scope).run({
    input: { city },
  })
  res.json({ hospitals })
}
