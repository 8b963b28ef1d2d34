import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { escortRequest } from "../../../../escort-request"
import type { EscortReportBody } from "../../../../escort-validators"

type Body = z.infer<typeof EscortReportBody>

/** POST /escort/tasks/:id/reports: 报备 to operations during a service, on the timeline. */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { escorts, escort } = await escortRequest(req)
  const report = await escorts.reportOnTask(req.params.id, escort.id, req.validatedBody)
  res.status(201).json({ report })
}
