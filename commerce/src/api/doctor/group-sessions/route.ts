import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ScheduleInput } from "../../../modules/group-session/rules/session-schedule"
import { scheduleGroupSessionWorkflow } from "../../../workflows/group-session/schedule-group-session"
import { signedInDoctor } from "../../consultation-request"
import { groupSessionsOf, presentGroupSessions } from "../../group-session-request"

/** GET /doctor/group-sessions: the expert's own sessions, latest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const rows = await groupSessionsOf(req).recentSessions(doctor.id)
  res.json({ group_sessions: await presentGroupSessions(req, rows) })
}

/** POST /doctor/group-sessions `{ title, topic?, starts_at, ends_at, capacity }` → 201. */
export async function POST(req: AuthenticatedMedusaRequest<ScheduleInput>, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const { result } = await scheduleGroupSessionWorkflow(req.scope).run({
    input: { ...req.validatedBody, doctor_id: doctor.id },
  })
  const [group_session] = await presentGroupSessions(req, [result])
  res.status(201).json({ group_session })
}
