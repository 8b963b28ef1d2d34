import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { reviewDoctorLicenseDocumentWorkflow } from "../../../../../../../../workflows/consultation/review-doctor-license-document"
import { presentLicenseDocument } from "../../../../../../../doctor/license-documents/present-license-document"
import type { ReviewDoctorLicenseDocumentBody } from "../../../../../../../doctor-license-validators"
import type { AuditNote } from "../../../../../../enforce-staff-access"

/**
 * POST /admin/consultations/doctors/:id/license-documents/:document_id/review
 * `{ decision: "approve" }` or `{ decision: "reject", reason }` → `{ document }`: approval
 * verifies the doctor's licence, rejection withdraws it; 409 when reviewed already.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ReviewDoctorLicenseDocumentBody>>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const { result } = await reviewDoctorLicenseDocumentWorkflow(req.scope).run({
    input: {
      doctor_id: req.params.id,
      document_id: req.params.document_id,
      decision: body.decision,
      reason: body.decision === "reject" ? body.reason : null,
      reviewer_id: req.auth_context.actor_id,
    },
  })
  res.locals.audit = {
    action: `doctor_license.document.${body.decision}`,
    details: { doctor_id: req.params.id, document_id: result.id },
  } satisfies AuditNote
  res.json({ document: presentLicenseDocument(result) })
}
