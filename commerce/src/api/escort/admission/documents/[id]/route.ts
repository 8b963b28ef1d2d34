import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../../../lib/health-files/sealed-file-store"
import { sendFile } from "../../../../health-archive-request"
import {
  auditAdmissionAccess,
  escortAdmissionRequest,
  requireApplication,
} from "../../../../escort-admission-request"

/** GET /escort/admission/documents/:id: one of the applicant's own documents, decrypted. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { admission, application } = await escortAdmissionRequest(req)
  const doc = await admission.document(requireApplication(application).id, req.params.id)
  const bytes = await new SealedFileStore(req.scope.resolve(Modules.FILE)).get(doc)
  await auditAdmissionAccess(req, "escort_admission.document.read", {
    application_id: doc.application_id,
    document_id: doc.id,
  })
  sendFile(res as never, {
    bytes,
    mime_type: doc.mime_type,
    filename: `${doc.id}.${doc.mime_type === "application/pdf" ? "pdf" : doc.mime_type.split("/")[1]}`,
  })
}
