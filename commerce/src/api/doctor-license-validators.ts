import { z } from "@medusajs/framework/zod"
import { optionalOneOf } from "../lib/income/income-validators"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

/** POST …/license-documents/:document_id/review: approve, or reject with a reason. */
export const ReviewDoctorLicenseDocumentBody = z
  .object({
    decision: z
      .unknown()
      .refine((v) => v === "approve" || v === "reject", "请选择通过（approve）或驳回（reject）")
      .transform((v) => v as "approve" | "reject"),
    reason: z
      .unknown()
      .refine(
        (v) => v == null || (typeof v === "string" && v.trim().length <= 200),
        "驳回原因不超过 200 个字"
      )
      .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null)),
  })
  .refine((body) => body.decision === "approve" || !!body.reason, {
    message: "驳回时请填写原因，医生会看到它",
    path: ["reason"],
  })

/** GET /admin/doctor-licenses?status=: the reviewers' queue (pending unless asked). */
export const AdminDoctorLicensesQuery = z.object({
  status: optionalOneOf(
    ["pending", "approved", "rejected"] as const,
    "status 只能是 pending、approved 或 rejected"
  ),
})
