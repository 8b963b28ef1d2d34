import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CONSULTATION_MODULE } from "../../../../../modules/consultation"
import { MAX_SLOT_RANGE_DAYS, slotBound } from "../../../../../modules/consultation/rules/slots"
import type ConsultationModuleService from "../../../../../modules/consultation/service"

const DAY_MS = 86_400_000
/** What a listing without `to` covers. */
const DEFAULT_DAYS = 14

/**
 * GET /store/doctors/:id/slots?from&to → `{ slots: [{ start, end, modes, capacity, remaining }] }`:
 * the verified doctor's bookable phone/video slots (Asia/Shanghai schedule), full and past ones
 * left out. `from`/`to` are Beijing dates or ISO instants, at most 31 days apart.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const doctor = await consultations.doctorRow(req.params.id)
  if (!doctor.license_verified_at) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这位医生")
  }
  const query = req.validatedQuery as { from: string | null; to: string | null }
  const now = new Date()
  const from = query.from ? slotBound(query.from) : now
  const to = query.to ? slotBound(query.to) : new Date(from.getTime() + DEFAULT_DAYS * DAY_MS)
  if (to <= from) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "to 须晚于 from")
  }
  if (to.getTime() - from.getTime() > MAX_SLOT_RANGE_DAYS * DAY_MS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `一次最多查询 ${MAX_SLOT_RANGE_DAYS} 天的号源`
    )
  }
  const slots = doctor.on_duty ? await consultations.slotsOf(doctor.id, { from, to, now }) : []
  res.json({ doctor_id: doctor.id, on_duty: doctor.on_duty, slots })
}
