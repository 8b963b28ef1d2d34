import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewAudience } from "../../../../workflows/marketing-push/load-audience"
import type { AudiencePreviewBodyType } from "../validators"

/** How many members the audience reaches now, and a few of them (phones masked). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { audience } = req.validatedBody as AudiencePreviewBodyType
  res.json({ audience: await previewAudience(req.scope, audience) })
}
