import type { z } from "@medusajs/framework/zod"
import { withdrawalMoveRoute } from "../../../../../../lib/income/withdrawal-move-route"
import { moveDoctorWithdrawalWorkflow } from "../../../../../../workflows/doctor-income/move-doctor-withdrawal"
import { presentDoctorWithdrawal } from "../../../../../doctor/income/present-doctor-income"
import type { PayDoctorWithdrawalBody } from "../../../../../doctor-income-validators"

/** POST /admin/doctor-income/withdrawals/:id/pay `{ reference }`: finance records the transfer. */
export const POST = withdrawalMoveRoute({
  move: (scope, input) => moveDoctorWithdrawalWorkflow(scope).run({ input }),
  action: (staffId: string, body: z.infer<typeof PayDoctorWithdrawalBody>) => ({
    kind: "pay" as const,
    staff_id: staffId,
    reference: body.reference,
  }),
  audit: "doctor_income.withdrawal_pay",
  present: (row) => presentDoctorWithdrawal(row, "staff"),
})
