import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_DISPATCH_MODULE } from "../../../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../../../modules/escort-dispatch/service"
import { onDutyFallbackPhones } from "../../../../workflows/escort-dispatch/raise-dispatch-alerts"
import { phonesOnDuty } from "../../../../modules/escort-dispatch/rules/duty-roster"
import {
  putDutyRosterWorkflow,
  type PutDutyRosterInput,
} from "../../../../workflows/escort-dispatch/put-duty-roster"

/**
 * GET /admin/escort-dispatch/roster: the on-duty roster, who would be texted right now,
 * and whether that is the roster or the ESCORT_ONDUTY_PHONES fallback.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const roster = await req.scope
    .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    .dutyRoster()
  res.json(rosterAnswer(roster))
}

/** PUT /admin/escort-dispatch/roster `{ shifts: [{ phone, name, weekdays, start_time, end_time }] }`. */
export async function PUT(
  req: AuthenticatedMedusaRequest<PutDutyRosterInput>,
  res: MedusaResponse
) {
  const { result } = await putDutyRosterWorkflow(req.scope).run({ input: req.validatedBody })
  res.locals.audit = {
    action: "escort_dispatch.roster",
    details: { shifts: result.length },
  }
  res.json(rosterAnswer(result))
}

function rosterAnswer(shifts: Awaited<ReturnType<EscortDispatchModuleService["dutyRoster"]>>) {
  const now = new Date()
  const fallback = onDutyFallbackPhones()
  const onDuty = phonesOnDuty(shifts, now, fallback)
  const fromRoster = shifts.some((shift) => onDuty.includes(shift.phone))
  return {
    shifts,
    on_duty_now: {
      phones: onDuty,
      source: onDuty.length ? (fromRoster ? "roster" : "fallback") : "none",
    },
  }
}
