import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { DoctorScheduleExceptionBody } from "../../../consultation-validators"
import { signedInDoctor } from "../../../consultation-request"

type Body = z.infer<typeof DoctorScheduleExceptionBody>

/**
 * POST /doctor/schedule/exceptions `{ date, kind: "day_off"|"extra_hours", start?, end?,
 * slot_minutes?, modes?, capacity?, note? }` → 201: 停诊 (a whole day, or start–end) or 加诊.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const body = req.validatedBody
  const row = await consultations.addScheduleException(doctor.id, {
    date: body.date,
    kind: body.kind,
    start: body.start,
    end: body.end,
    slot_minutes: body.slot_minutes,
    modes: body.modes,
    capacity: body.capacity,
    note: body.note,
  })
  res.status(201).json({ exception: consultations.presentScheduleException(row) })
}
