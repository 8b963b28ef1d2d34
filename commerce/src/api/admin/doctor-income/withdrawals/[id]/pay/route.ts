import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { moveDoctorWithdrawalWorkflow } from "../../../../../../workflows/doctor-income/move-doctor-withdrawal"
import { presentDoctorWithdrawal } from "../../../../../doctor/income/present-doctor-income"
import type { PayDoctorWithdrawalBody } from "../../../../../doctor-income-validators"

/** POST /admin/doctor-income/withdrawals/:id/pay `{ reference }`: finance records the transfer. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof PayDoctorWithdrawalBody>>,
  res: MedusaResponse
) {
  const { result } = await moveDoctorWithdrawalWorkflow(req.scope).run({
    input: {
      withdrawal_id: req.params.id,
      action: {
        kind: "pay" as const,
        staff_id: req.auth_context.actor_id,
        reference: req.validatedBody.reference,
      },
    },
  })
  res.locals.audit = {
    action: "doctor_income.withdrawal_pay",
    details: { withdrawal_id: result.id, amount_fen: result.amount_fen },
  }
  res.json({ withdrawal: presentDoctorWithdrawal(result, "staff") })
}
