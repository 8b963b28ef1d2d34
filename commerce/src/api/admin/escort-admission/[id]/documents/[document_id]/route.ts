import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../../../../lib/health-files/sealed-file-store"
import { ESCORT_ADMISSION_MODULE } from "../../../../../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../../../../../modules/escort-admission/service"
import type { AuditNote } from "../../../../enforce-staff-access"
import { sendFile } from "../../../../../health-archive-request"

/** GET /admin/escort-admission/:id/documents/:document_id: the document, decrypted; audited. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const admission = req.scope.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
  const doc = await admission.document(req.params.id, req.params.document_id)
  const bytes = await new SealedFileStore(req.scope.resolve(Modules.FILE)).get(doc)
  res.locals.audit = {
    action: "escort_admission.document.read",
    details: { application_id: doc.application_id, document_id: doc.id },
  } satisfies AuditNote
  sendFile(res as never, {
    bytes,
    mime_type: doc.mime_type,
    filename: `${doc.id}.${doc.mime_type === "application/pdf" ? "pdf" : doc.mime_type.split("/")[1]}`,
  })
}
