import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_CASE_MODULE } from "../../../../modules/escort-case"
import type EscortCaseModuleService from "../../../../modules/escort-case/service"
import {
  presentCaseNote,
  presentClaim,
  presentEscortCase,
  presentFundEntry,
  presentPolicy,
} from "../present-escort-case"

/** GET /admin/escort-cases/:id: the case, its timeline, its fund entries, policy and claim. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cases = req.scope.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
  const row = await cases.case(req.params.id)
  const [notes, { entries }, policy, claim] = await Promise.all([
    cases.caseNotes(row.id),
    cases.fundEntries({ case_id: row.id }),
    cases.policyOfBooking(row.booking_id),
    cases.claimOfCase(row.id),
  ])
  res.json({
    case: {
      ...presentEscortCase(row),
      timeline: notes.map(presentCaseNote),
      fund_entries: entries.map(presentFundEntry),
      policy: presentPolicy(policy),
      claim: presentClaim(claim),
    },
  })
}
