import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { MODERATION_MODULE } from "../../../../modules/moderation"
import type ModerationModuleService from "../../../../modules/moderation/service"
import type { CreateModerationWordBody } from "../../../escort-review-validators"
import { presentModerationWord as presentWord } from "../present-moderation-word"

/** GET /admin/moderation/words: the maintained sensitive-word list. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const moderation = req.scope.resolve<ModerationModuleService>(MODERATION_MODULE)
  res.json({ words: (await moderation.words()).map(presentWord) })
}

/** POST /admin/moderation/words `{ word, category }` → 201; the same word again 409. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof CreateModerationWordBody>>,
  res: MedusaResponse
) {
  const moderation = req.scope.resolve<ModerationModuleService>(MODERATION_MODULE)
  res.status(201).json({ word: presentWord(await moderation.addWord(req.validatedBody)) })
}
