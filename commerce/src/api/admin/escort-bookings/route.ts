import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { EscortBookingStatus } from "../../../modules/escort/rules/escort-booking-status"
import {
  readDispatchBoardWorkflow,
  UNDER_WAY_STATUSES,
} from "../../../workflows/escort-dispatch/read-dispatch-board"

type Query = { status: string; city: string | null; late: boolean }

/**
 * GET /admin/escort-bookings?status=active|all|<status>&city=&late=1: the dispatch board's
 * bookings, each with the anomalies it shows now and its open alerts; `late=1` keeps those
 * alone. `counts` are per status before the `late` filter.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, city, late } = req.validatedQuery as Query
  const statuses =
    status === "active"
      ? UNDER_WAY_STATUSES
      : status === "all"
        ? []
        : [status as EscortBookingStatus]
  const { result } = await readDispatchBoardWorkflow(req.scope).run({
    input: { statuses, city, late_only: late },
  })
  res.json(result)
}
