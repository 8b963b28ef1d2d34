import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../../../modules/escort"
import type EscortModuleService from "../../../../../modules/escort/service"
import { ESCORT_CASE_MODULE } from "../../../../../modules/escort-case"
import type EscortCaseModuleService from "../../../../../modules/escort-case/service"
import { memberEscortRequest } from "../../../../escort-request"

const MEMBER_STATUS_LABELS = {
  open: "平台已受理",
  investigating: "核实中",
  upheld: "已认定，平台先行赔付",
  dismissed: "核实后不成立",
  closed: "已结案",
} as const

/**
 * GET /store/escort-bookings/:id/guarantee: what protects the member's booking — its
 * liability policy (number and cover) and, for their complaint, the case's status and what
 * the platform paid them first. No staff names, notes or escort details. Another member's: 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { customerId } = memberEscortRequest(req)
  const booking = await req.scope
    .resolve<EscortModuleService>(ESCORT_MODULE)
    .ownedBooking(req.params.id, customerId)
  const cases = req.scope.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
  const [policy, rows] = await Promise.all([
    cases.policyOfBooking(booking.id),
    cases.casesOfBooking(booking.id),
  ])
  const complaint = rows.find((row) => row.source === "dispute" && row.customer_id === customerId)
  const paid = complaint
    ? (await cases.fundEntries({ case_id: complaint.id, kind: "compensation_paid" })).entries
    : []
  res.json({
    guarantee: {
      insured: !!policy,
      policy: policy && { policy_no: policy.policy_no, coverage_fen: policy.coverage_fen },
      complaint: complaint && {
        status: complaint.status,
        status_label: MEMBER_STATUS_LABELS[complaint.status],
        compensation_paid_fen: paid.reduce((sum, entry) => sum - entry.amount_fen, 0),
      },
    },
  })
}
