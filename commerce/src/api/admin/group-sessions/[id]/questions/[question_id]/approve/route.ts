import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideQuestion, staffModerator } from "../../../../../../group-session-moderation"

/** POST: the question goes to the room, live to every member. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await decideQuestion(req, res, "approve", await staffModerator(req))
}
