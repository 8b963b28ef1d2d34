import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../../lib/health-files/sealed-file-store"
import { decodeUploadName } from "../../../../modules/health-archive/member-upload-rules"
import { stageReportUpload } from "../../../../lib/reports/stage-report-upload"
import { createReportBatchWorkflow } from "../../../../workflows/health-archive/create-report-batch"
import { batchViews } from "./batch-view"
import type { ListBatchesQueryType } from "../validators"

export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListBatchesQueryType>,
  res: MedusaResponse
) {
  const { limit, offset } = req.validatedQuery as ListBatchesQueryType
  const { batches, count } = await batchViews(req.scope, { limit, offset })
  res.json({ batches, count, limit, offset })
}

/**
 * Bulk report upload: PDFs and/or zips of PDFs (multipart `files`). Answers 202 once each
 * PDF is stored sealed, before any is read; the workers then read, match and record them, a
 * chunk at a time, and the batch's counts (GET …/report-batches/:id) show how far they are.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const files = ((req.files ?? []) as { originalname: string; buffer: Buffer }[]).map((file) => ({
    filename: decodeUploadName(file.originalname),
    bytes: file.buffer,
  }))
  const staged = await stageReportUpload(req.scope.resolve(Modules.FILE), files)
  try {
    const { result: batchId } = await createReportBatchWorkflow(req.scope).run({
      input: { staff_id: req.auth_context.actor_id, files: staged },
    })
    const { batches } = await batchViews(req.scope, { id: batchId, withFiles: true })
    res.status(202).json({ batch: batches[0] })
  } catch (error) {
    await new SealedFileStore(req.scope.resolve(Modules.FILE)).remove(
      staged.map((file) => file.file_id).filter(Boolean) as string[]
    )
    throw error
  }
}
