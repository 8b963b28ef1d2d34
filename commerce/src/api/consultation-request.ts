import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CONSULTATION_MODULE } from "../modules/consultation"
import type ConsultationModuleService from "../modules/consultation/service"
import type { ConsultationRow, MessageSender } from "../modules/consultation/service"

export type ConsultationParty = {
  consultations: ConsultationModuleService
  consultation: ConsultationRow
  reader: { type: Exclude<MessageSender, "staff">; id: string }
  /** Where this reader fetches an attachment: its own authorised route. */
  attachmentUrl: (attachmentId: string) => string
}

const BASE = { member: "/store/consultations", doctor: "/doctor/consultations" } as const

const consultationsOf = (req: AuthenticatedMedusaRequest) =>
  req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)

function party(
  consultations: ConsultationModuleService,
  consultation: ConsultationRow,
  reader: ConsultationParty["reader"]
): ConsultationParty {
  const base = `${BASE[reader.type]}/${encodeURIComponent(consultation.id)}/attachments/`
  return {
    consultations,
    consultation,
    reader,
    attachmentUrl: (id) => base + encodeURIComponent(id),
  }
}

/** The member's own consultation; another member's is 404. */
export async function memberConsultation(req: AuthenticatedMedusaRequest) {
  const consultations = consultationsOf(req)
  const customerId = req.auth_context.actor_id
  const consultation = await consultations.ownedConsultation(req.params.id, customerId)
  return party(consultations, consultation, { type: "member", id: customerId })
}

/** The signed-in doctor, refused once staff withdrew their licence verification. */
export async function signedInDoctor(req: AuthenticatedMedusaRequest) {
  const consultations = consultationsOf(req)
  const doctor = await consultations.doctorRow(req.auth_context.actor_id).catch(() => null)
  if (!doctor?.license_verified_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "医生账号未核验或已停用，请联系运营")
  }
  return { consultations, doctor }
}

/**
 * The signed-in doctor whether or not their licence is verified: only for uploading and
 * reading their own licence documents, which is how they get verified.
 */
export async function doctorOfAnyLicense(req: AuthenticatedMedusaRequest) {
  const consultations = consultationsOf(req)
  const doctor = await consultations.doctorRow(req.auth_context.actor_id).catch(() => null)
  if (!doctor) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "医生账号未核验或已停用，请联系运营")
  }
  return { consultations, doctor }
}

/** A paid consultation of the signed-in doctor; anyone else's is 404. */
export async function doctorConsultation(req: AuthenticatedMedusaRequest) {
  const { consultations, doctor } = await signedInDoctor(req)
  const consultation = await consultations.doctorConsultation(req.params.id, doctor.id)
  return party(consultations, consultation, { type: "doctor", id: doctor.id })
}
