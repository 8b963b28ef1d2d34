import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { batchViews } from "../batch-view"

/** A bulk upload with each file's progress: staff poll it while the workers run. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { batches } = await batchViews(req.scope, { id: req.params.id, withFiles: true })
  if (!batches.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这批上传")
  res.json({ batch: batches[0] })
}
