import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { archiveRequest } from "../../../../../health-archive-request"
import { retryReportBatchWorkflow } from "../../../../../../workflows/health-archive/create-report-batch"
import { batchViews } from "../../batch-view"

/**
 * Runs a batch's failed files again (after staff marked kits received, say). Files
 * already done are untouched, so retrying is always safe.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive } = archiveRequest(req)
  const [batch] = await archive.listReportBatches({ id: req.params.id })
  if (!batch) throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这批上传")
  await retryReportBatchWorkflow(req.scope).run({ input: { batch_id: batch.id } })
  const { batches } = await batchViews(req.scope, { id: batch.id, withFiles: true })
  res.status(202).json({ batch: batches[0] })
}
