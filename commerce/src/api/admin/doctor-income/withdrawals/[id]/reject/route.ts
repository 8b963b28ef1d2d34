import type { z } from "@medusajs/framework/zod"
import { withdrawalMoveRoute } from "../../../../../../lib/income/withdrawal-move-route"
import { moveDoctorWithdrawalWorkflow } from "../../../../../../workflows/doctor-income/move-doctor-withdrawal"
import { presentDoctorWithdrawal } from "../../../../../doctor/income/present-doctor-income"
import type { RejectDoctorWithdrawalBody } from "../../../../../doctor-income-validators"

/** POST /admin/doctor-income/withdrawals/:id/reject `{ reason }`: the amount returns to the balance. */
export const POST = withdrawalMoveRoute({
  move: (scope, input) => moveDoctorWithdrawalWorkflow(scope).run({ input }),
  action: (staffId: string, body: z.infer<typeof RejectDoctorWithdrawalBody>) => ({
    kind: "reject" as const,
    staff_id: staffId,
    reason: body.reason,
  }),
  audit: "doctor_income.withdrawal_reject",
  present: (row) => presentDoctorWithdrawal(row, "staff"),
})
