import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../../../../../lib/health-files/sealed-file-store"
import { CONSULTATION_MODULE } from "../../../../../../../modules/consultation"
import type ConsultationModuleService from "../../../../../../../modules/consultation/service"
import type { AuditNote } from "../../../../../enforce-staff-access"
import { sendFile } from "../../../../../../health-archive-request"

/** GET /admin/consultations/doctors/:id/license-documents/:document_id: decrypted; audited. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const doc = await req.scope
    .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    .licenseDocument(req.params.id, req.params.document_id)
  const bytes = await new SealedFileStore(req.scope.resolve(Modules.FILE)).get(doc)
  res.locals.audit = {
    action: "doctor_license.document.read",
    details: { doctor_id: doc.doctor_id, document_id: doc.id },
  } satisfies AuditNote
  sendFile(res as never, {
    bytes,
    mime_type: doc.mime_type,
    filename: `${doc.id}.${doc.mime_type === "application/pdf" ? "pdf" : doc.mime_type.split("/")[1]}`,
  })
}
