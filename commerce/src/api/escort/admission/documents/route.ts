import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../../lib/health-files/sealed-file-store"
import { checkAdmissionDocument } from "../../../../modules/escort-admission/rules/admission-document-content"
import {
  ADMISSION_DOCUMENT_KINDS,
  type AdmissionDocumentKind,
} from "../../../../modules/escort-admission/rules/document-kinds"
import { recordAdmissionDocumentWorkflow } from "../../../../workflows/escort-admission/record-admission-document"
import { escortAdmissionRequest, requireApplication } from "../../../escort-admission-request"
import { presentAdmissionDocument } from "../../../present-escort-application"

type Form = { kind?: unknown; title?: unknown }

/**
 * POST /escort/admission/documents (multipart `file`, `kind`, `title`?) → 201 `{ document }`:
 * JPEG, PNG or PDF by content, sealed before it is stored; staff review it next.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { application } = await escortAdmissionRequest(req)
  const { id } = requireApplication(application)
  const form = (req.body ?? {}) as Form
  const kind = form.kind as AdmissionDocumentKind
  if (!ADMISSION_DOCUMENT_KINDS.includes(kind)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "请选择材料类型：health_certificate（健康证）、background_check（背景调查）、training_certificate（培训证书）或 photo（本人照片）"
    )
  }
  const title = typeof form.title === "string" && form.title.trim() ? form.title.trim() : null
  if (title && title.length > 60) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "材料名称不超过 60 个字")
  }
  const file = checkAdmissionDocument((req as unknown as { file?: { buffer: Buffer } }).file)
  const { file_id, key_id } = await new SealedFileStore(req.scope.resolve(Modules.FILE)).put(
    file.bytes
  )
  const { result } = await recordAdmissionDocumentWorkflow(req.scope).run({
    input: {
      application_id: id,
      kind,
      title,
      mime_type: file.mime_type,
      size: file.bytes.length,
      file_id,
      key_id,
    },
  })
  res.status(201).json({ document: presentAdmissionDocument(result) })
}
