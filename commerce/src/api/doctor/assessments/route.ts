import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../consultation-request"
import { assessmentsOf } from "../../assessment-request"

/**
 * GET → `{ assessments }`: the assessments members asked this expert for, newest first. The
 * question shows only while the consent stands; an ended one is listed by its state alone.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const assessments = assessmentsOf(req)
  const now = new Date()
  const rows = await assessments.assessmentsOf({ doctor_id: doctor.id })
  res.json({
    assessments: rows.map((row) => {
      const { customer_id: _member, question, ...view } = assessments.view(row, now)
      return { ...view, question: view.access === "granted" ? question : null }
    }),
  })
}
