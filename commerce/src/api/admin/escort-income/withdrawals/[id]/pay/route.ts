import type { z } from "@medusajs/framework/zod"
import { withdrawalMoveRoute } from "../../../../../../lib/income/withdrawal-move-route"
import { moveEscortWithdrawalWorkflow } from "../../../../../../workflows/escort-income/move-escort-withdrawal"
import { presentEscortWithdrawal } from "../../../../../escort/withdrawals/present-escort-withdrawal"
import type { PayEscortWithdrawalBody } from "../../../../../escort-income-validators"

/** POST /admin/escort-income/withdrawals/:id/pay: `{ reference }`: finance records the bank transfer that paid it. */
export const POST = withdrawalMoveRoute({
  move: (scope, input) => moveEscortWithdrawalWorkflow(scope).run({ input }),
  action: (staffId: string, body: z.infer<typeof PayEscortWithdrawalBody>) => ({
    kind: "pay" as const,
    staff_id: staffId,
    reference: body.reference,
  }),
  audit: "escort_income.withdrawal_pay",
  present: (row) => presentEscortWithdrawal(row, "staff"),
})
