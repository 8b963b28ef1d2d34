import { withdrawalMoveRoute } from "../../../../../../lib/income/withdrawal-move-route"
import { moveDoctorWithdrawalWorkflow } from "../../../../../../workflows/doctor-income/move-doctor-withdrawal"
import { presentDoctorWithdrawal } from "../../../../../doctor/income/present-doctor-income"

/**
 * POST /admin/doctor-income/withdrawals/:id/approve: finance approves a requested withdrawal,
 * to pay it by WeChat 商家转账 next (a bank payment needs no approval).
 */
export const POST = withdrawalMoveRoute({
  move: (scope, input) => moveDoctorWithdrawalWorkflow(scope).run({ input }),
  action: (staffId: string) => ({ kind: "approve" as const, staff_id: staffId }),
  audit: "doctor_income.withdrawal_approve",
  present: (row) => presentDoctorWithdrawal(row, "staff"),
})
