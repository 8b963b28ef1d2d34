import type { z } from "@medusajs/framework/zod"
import { withdrawalMoveRoute } from "../../../../../../lib/income/withdrawal-move-route"
import { moveEscortWithdrawalWorkflow } from "../../../../../../workflows/escort-income/move-escort-withdrawal"
import { presentEscortWithdrawal } from "../../../../../escort/withdrawals/present-escort-withdrawal"
import type { RejectEscortWithdrawalBody } from "../../../../../escort-income-validators"

/** POST /admin/escort-income/withdrawals/:id/reject: `{ reason }`: the amount returns to the escort's balance. */
export const POST = withdrawalMoveRoute({
  move: (scope, input) => moveEscortWithdrawalWorkflow(scope).run({ input }),
  action: (staffId: string, body: z.infer<typeof RejectEscortWithdrawalBody>) => ({
    kind: "reject" as const,
    staff_id: staffId,
    reason: body.reason,
  }),
  audit: "escort_income.withdrawal_reject",
  present: (row) => presentEscortWithdrawal(row, "staff"),
})
