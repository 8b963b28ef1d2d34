import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { normalizeCnMobile } from "../../../../../lib/phone/normalize-cn-mobile"
import { CONSULTATION_MODULE } from "../../../../../modules/consultation"
import type ConsultationModuleService from "../../../../../modules/consultation/service"
import type { ModePrices } from "../../../../../modules/consultation/service"

type Body = { phone?: string; license_number?: string | null; prices?: ModePrices }

/**
 * POST `{ phone?, license_number?, prices? }`: what the CMS does not hold. A new licence
 * number clears the verification (staff check the new one).
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const body = req.validatedBody
  const prices = body.prices
    ? (Object.fromEntries(Object.entries(body.prices).filter(([, fen]) => fen)) as ModePrices)
    : undefined
  const row = await consultations.updateDoctorDetails(req.params.id, {
    phone: body.phone ? normalizeCnMobile(body.phone) : undefined,
    license_number: body.license_number === undefined ? undefined : body.license_number,
    prices,
  })
  res.locals.audit = {
    action: "consultation_doctor.update",
    details: { doctor_id: row.id, license_changed: body.license_number !== undefined },
  }
  res.json({ doctor: { ...consultations.presentDoctor(row), phone: row.phone } })
}
