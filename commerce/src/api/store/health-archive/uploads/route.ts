import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { sealMemberUploads } from "../../../../lib/health-files/seal-member-uploads"
import {
  checkMemberUploads,
  memberUploadNote,
  type IncomingUpload,
} from "../../../../modules/health-archive/member-upload-rules"
import { saveMemberUploadsWorkflow } from "../../../../workflows/health-archive/save-member-uploads"
import { archiveRequest } from "../../../health-archive-request"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId } = archiveRequest(req)
  const rows = await archive.listMemberUploads(
    { customer_id: actorId },
    { order: { created_at: "DESC" } }
  )
  res.json({ uploads: rows.map((row) => archive.uploadView(row as never)) })
}

/** Photos and PDFs of hospital records (multipart `files`, optional `note`). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { actorId, log } = archiveRequest(req)
  const checked = checkMemberUploads((req.files ?? []) as IncomingUpload[])
  const note = memberUploadNote((req.body as { note?: string } | undefined)?.note)
  const files = await sealMemberUploads(req.scope.resolve(Modules.FILE), checked)
  const { result: uploads } = await saveMemberUploadsWorkflow(req.scope).run({
    input: { customer_id: actorId, note, files },
  })
  for (const upload of uploads) await log(actorId, "create", "upload", upload.id)
  res.status(201).json({ uploads })
}
