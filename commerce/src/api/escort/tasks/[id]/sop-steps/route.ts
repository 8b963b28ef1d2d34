import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { recordEscortSopStepWorkflow } from "../../../../../workflows/escort/record-escort-sop-step"
import { escortRequest } from "../../../../escort-request"
import type { EscortSopStepBody } from "../../../../escort-validators"

type Body = z.infer<typeof EscortSopStepBody>

/**
 * POST /escort/tasks/:id/sop-steps: during 陪同就医 the assigned escort records a step of
 * the department's SOP as done (once each), on the member's timeline at once.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const { result: event } = await recordEscortSopStepWorkflow(req.scope).run({
    input: { booking_id: req.params.id, escort_id: escort.id, ...req.validatedBody },
  })
  res.status(201).json({ event })
}
