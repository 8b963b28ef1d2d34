import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"

type MovedWithdrawal = { id: string; amount_fen: number }

/**
 * A finance action on one withdrawal (`POST …/withdrawals/:id/<action>`), the same for
 * escorts' and doctors' withdrawals: run the module's move workflow with the staff member's
 * action built from the validated body, audit it, answer the withdrawal as staff see it.
 */
export function withdrawalMoveRoute<Body, Action, Row extends MovedWithdrawal>(route: {
  /** Runs the move workflow (e.g. `moveDoctorWithdrawalWorkflow(scope).run({ input })`). */
  move: (
    scope: MedusaContainer,
    input: { withdrawal_id: string; action: Action }
  ) => Promise<{ result: Row }>
  /** The action from the signed-in staff member and the validated body. */
  action: (staffId: string, body: Body) => Action
  /** The audit log's action name, e.g. `doctor_income.withdrawal_pay`. */
  audit: string
  present: (row: Row) => unknown
}) {
  return async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
    const { result } = await route.move(req.scope, {
      withdrawal_id: req.params.id,
      action: route.action(req.auth_context.actor_id, req.validatedBody),
    })
    res.locals.audit = {
      action: route.audit,
      details: { withdrawal_id: result.id, amount_fen: result.amount_fen },
    }
    res.json({ withdrawal: route.present(result) })
  }
}
