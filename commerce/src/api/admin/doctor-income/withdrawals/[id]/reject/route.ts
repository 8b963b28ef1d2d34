import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { moveDoctorWithdrawalWorkflow } from "../../../../../../workflows/doctor-income/move-doctor-withdrawal"
import { presentDoctorWithdrawal } from "../../../../../doctor/income/present-doctor-income"
import type { RejectDoctorWithdrawalBody } from "../../../../../doctor-income-validators"

/** POST /admin/doctor-income/withdrawals/:id/reject `{ reason }`: the amount returns to the balance. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RejectDoctorWithdrawalBody>>,
  res: MedusaResponse
) {
  const { result } = await moveDoctorWithdrawalWorkflow(req.scope).run({
    input: {
      withdrawal_id: req.params.id,
      action: {
        kind: "reject" as const,
        staff_id: req.auth_context.actor_id,
        reason: req.validatedBody.reason,
      },
    },
  })
  res.locals.audit = {
    action: "doctor_income.withdrawal_reject",
    details: { withdrawal_id: result.id, amount_fen: result.amount_fen },
  }
  res.json({ withdrawal: presentDoctorWithdrawal(result, "staff") })
}
