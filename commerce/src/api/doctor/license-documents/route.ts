import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../lib/health-files/sealed-file-store"
import { LICENSE_DOCUMENT_KINDS } from "../../../modules/consultation/rules/license-document-kinds"
import type { DoctorLicenseKind } from "../../../modules/consultation/types"
import { checkAdmissionDocument } from "../../../modules/escort-admission/rules/admission-document-content"
import { doctorOfAnyLicense } from "../../consultation-request"
import { presentLicenseDocument } from "./present-license-document"

/**
 * GET /doctor/license-documents: the signed-in doctor's documents and whether their licence
 * is verified. Open before verification: this is how a doctor gets verified.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await doctorOfAnyLicense(req)
  const documents = await consultations.licenseDocumentsOf(doctor.id)
  res.json({
    license_verified: !!doctor.license_verified_at,
    documents: documents.map(presentLicenseDocument),
  })
}

/**
 * POST /doctor/license-documents (multipart `file`, `kind`) → 201 `{ document }`: JPEG, PNG
 * or PDF by content, sealed before it is stored; staff review it next.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await doctorOfAnyLicense(req)
  const kind = ((req.body ?? {}) as { kind?: unknown }).kind as DoctorLicenseKind
  if (!LICENSE_DOCUMENT_KINDS.includes(kind)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "请选择材料类型：practice_license（医师执业证书）、qualification（医师资格证书）或 title_certificate（职称证书）"
    )
  }
  const file = checkAdmissionDocument((req as unknown as { file?: { buffer: Buffer } }).file)
  const { file_id, key_id } = await new SealedFileStore(req.scope.resolve(Modules.FILE)).put(
    file.bytes
  )
  const document = await consultations.addLicenseDocument({
    doctor_id: doctor.id,
    kind,
    mime_type: file.mime_type,
    size: file.bytes.length,
    file_id,
    key_id,
  })
  res.status(201).json({ document: presentLicenseDocument(document) })
}
