import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../consultation-request"

type Body = { on_duty?: boolean; weekly_schedule?: Record<string, [string, string][]> }

const DAY_MS = 86_400_000

/**
 * GET /doctor/schedule: the doctor's duty, weekly windows, date exceptions and the coming
 * 14 days' slots with the seats left (what members see).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const { rules, exceptions } = await consultations.scheduleOf(doctor.id)
  const now = new Date()
  const slots = await consultations.slotsOf(doctor.id, {
    from: now,
    to: new Date(now.getTime() + 14 * DAY_MS),
    now,
  })
  res.json({
    schedule: {
      on_duty: doctor.on_duty,
      rules: rules.map((r) => consultations.presentScheduleRule(r)),
      exceptions: exceptions.map((e) => consultations.presentScheduleException(e)),
      slots,
    },
  })
}

/**
 * POST /doctor/schedule `{ on_duty?, weekly_schedule? }`: off duty, members cannot start a
 * consultation with the doctor and no slots are offered.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const row = await consultations.setDuty(doctor.id, req.validatedBody)
  res.json({
    doctor: { ...consultations.presentDoctor(row), weekly_schedule: row.weekly_schedule ?? {} },
  })
}
