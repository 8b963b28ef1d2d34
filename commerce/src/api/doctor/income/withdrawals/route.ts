import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { requestDoctorWithdrawalWorkflow } from "../../../../workflows/doctor-income/request-doctor-withdrawal"
import { signedInDoctor } from "../../../consultation-request"
import type { RequestDoctorWithdrawalBody } from "../../../doctor-income-validators"
import { presentDoctorWithdrawal } from "../present-doctor-income"

/**
 * POST /doctor/income/withdrawals `{ amount_fen }`: withdraw available income; 409 when
 * the balance is short or a withdrawal is still waiting for finance.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RequestDoctorWithdrawalBody>>,
  res: MedusaResponse
) {
  const { doctor } = await signedInDoctor(req)
  const { result } = await requestDoctorWithdrawalWorkflow(req.scope).run({
    input: { doctor_id: doctor.id, amount_fen: req.validatedBody.amount_fen },
  })
  res.status(201).json({ withdrawal: presentDoctorWithdrawal(result, "doctor") })
}
