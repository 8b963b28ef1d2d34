import { withdrawalMoveRoute } from "../../../../../../lib/income/withdrawal-move-route"
import { moveEscortWithdrawalWorkflow } from "../../../../../../workflows/escort-income/move-escort-withdrawal"
import { presentEscortWithdrawal } from "../../../../../escort/withdrawals/present-escort-withdrawal"

/** POST /admin/escort-income/withdrawals/:id/approve: finance approves a requested withdrawal. */
export const POST = withdrawalMoveRoute({
  move: (scope, input) => moveEscortWithdrawalWorkflow(scope).run({ input }),
  action: (staffId: string) => ({ kind: "approve" as const, staff_id: staffId }),
  audit: "escort_income.withdrawal_approve",
  present: (row) => presentEscortWithdrawal(row, "staff"),
})
