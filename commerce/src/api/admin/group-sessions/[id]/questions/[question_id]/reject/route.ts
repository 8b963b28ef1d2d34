import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideQuestion, staffModerator } from "../../../../../../group-session-moderation"

/** POST: `{ reason? }`: the room never sees the question. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await decideQuestion(req, res, "reject", await staffModerator(req))
}
