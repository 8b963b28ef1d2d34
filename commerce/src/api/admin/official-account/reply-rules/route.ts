import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officialAccountOf } from "../service-of"
import type { CreateReplyRuleBodyType } from "../validators"

/** GET /admin/official-account/reply-rules: every rule, as they are tried. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const reply_rules = await officialAccountOf(req.scope).listOfficialAccountReplyRules(
    {},
    { order: { kind: "ASC", priority: "DESC", created_at: "ASC" }, take: 500 }
  )
  res.json({ reply_rules })
}

/** POST /admin/official-account/reply-rules: a keyword, click or follow reply. */
export async function POST(req: MedusaRequest<CreateReplyRuleBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const reply_rule = await officialAccountOf(req.scope).createOfficialAccountReplyRules({
    ...body,
    match: body.kind === "follow" ? "" : body.match.trim(),
    match_mode: body.kind === "keyword" ? body.match_mode : "exact",
  })
  res.status(201).json({ reply_rule })
}
