import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shareArchiveItemWorkflow } from "../../../../../workflows/consultation/share-archive-item"

/**
 * POST `{ item_type: "report" | "upload", item_id }` → 201 `{ shared_item }`: the doctor of
 * this consultation may read that archive item while it lasts (each read in the access log).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<{ item_type: "report" | "upload"; item_id: string }>,
  res: MedusaResponse
) {
  const { result } = await shareArchiveItemWorkflow(req.scope).run({
    input: {
      consultation_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      item_type: req.validatedBody.item_type,
      item_id: req.validatedBody.item_id,
    },
  })
  res.status(201).json({
    shared_item: { id: result.id, item_type: result.item_type, item_id: result.item_id },
  })
}
