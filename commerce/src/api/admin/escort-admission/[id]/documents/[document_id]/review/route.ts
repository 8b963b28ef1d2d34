import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewAdmissionDocumentWorkflow } from "../../../../../../../workflows/escort-admission/review-admission-document"
import { presentAdmissionDocument } from "../../../../../../present-escort-application"

type Body = { decision: "approve" | "reject"; reason: string | null; expires_on: string | null }

/**
 * POST /admin/escort-admission/:id/documents/:document_id/review
 * `{ decision: "approve", expires_on? }` or `{ decision: "reject", reason }` → `{ document }`;
 * 409 when it was reviewed already.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const body = req.validatedBody
  const reviewer_id = req.auth_context.actor_id
  const { result } = await reviewAdmissionDocumentWorkflow(req.scope).run({
    input: {
      application_id: req.params.id,
      document_id: req.params.document_id,
      review:
        body.decision === "approve"
          ? { decision: "approve", expires_on: body.expires_on, reviewer_id }
          : { decision: "reject", reason: body.reason!, reviewer_id },
    },
  })
  res.json({ document: presentAdmissionDocument(result) })
}
