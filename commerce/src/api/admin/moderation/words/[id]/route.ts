import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { MODERATION_MODULE } from "../../../../../modules/moderation"
import type ModerationModuleService from "../../../../../modules/moderation/service"
import type { UpdateModerationWordBody } from "../../../../escort-review-validators"
import { presentModerationWord as presentWord } from "../../present-moderation-word"

/** POST /admin/moderation/words/:id `{ category?, active? }`: recategorise or switch off. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof UpdateModerationWordBody>>,
  res: MedusaResponse
) {
  const moderation = req.scope.resolve<ModerationModuleService>(MODERATION_MODULE)
  res.json({ word: presentWord(await moderation.changeWord(req.params.id, req.validatedBody)) })
}

/** DELETE /admin/moderation/words/:id: off the list. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const moderation = req.scope.resolve<ModerationModuleService>(MODERATION_MODULE)
  await moderation.removeWord(req.params.id)
  res.json({ id: req.params.id, deleted: true })
}
