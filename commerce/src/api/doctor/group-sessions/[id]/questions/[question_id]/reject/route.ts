import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideQuestion, doctorModerator } from "../../../../../../group-session-moderation"

/** POST: `{ reason? }`: the room never sees the question. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await decideQuestion(req, res, "reject", await doctorModerator(req))
}
