import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveMemberUploads } from "../../../../lib/health-files/save-member-uploads"
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
  const files = (req.files ?? []) as { originalname: string; buffer: Buffer }[]
  const note = (req.body as { note?: string } | undefined)?.note ?? null
  const uploads = await saveMemberUploads(req.scope, { customer_id: actorId, files, note })
  for (const upload of uploads) await log(actorId, "create", "upload", upload.id)
  res.status(201).json({ uploads })
}
