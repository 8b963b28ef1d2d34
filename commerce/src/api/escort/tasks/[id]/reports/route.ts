import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { reportOnEscortTaskWorkflow } from "../../../../../workflows/escort/report-on-escort-task"
import { escortRequest } from "../../../../escort-request"
import type { EscortReportBody } from "../../../../escort-validators"

type Body = z.infer<typeof EscortReportBody>

/**
 * POST /escort/tasks/:id/reports: 报备 to operations during a service, on the timeline;
 * the member's open timeline and the dispatch board hear of it at once.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const { result: report } = await reportOnEscortTaskWorkflow(req.scope).run({
    input: { booking_id: req.params.id, escort_id: escort.id, report: req.validatedBody },
  })
  res.status(201).json({ report })
}
