import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { officialAccountOf } from "../../service-of"
import type { UpdateReplyRuleBodyType } from "../../validators"

async function existing(req: MedusaRequest) {
  const [rule] = await officialAccountOf(req.scope).listOfficialAccountReplyRules(
    { id: req.params.id },
    { take: 1 }
  )
  if (!rule) throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该自动回复规则")
  return rule
}

/** POST /admin/official-account/reply-rules/:id: edit a rule (its kind stays). */
export async function POST(req: MedusaRequest<UpdateReplyRuleBodyType>, res: MedusaResponse) {
  const rule = await existing(req)
  const body = req.validatedBody
  if (rule.kind !== "follow" && body.match !== undefined && !body.match.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "关键词或按钮键值不能为空")
  }
  const reply_rule = await officialAccountOf(req.scope).updateOfficialAccountReplyRules({
    id: rule.id,
    ...body,
    ...(body.match !== undefined ? { match: rule.kind === "follow" ? "" : body.match.trim() } : {}),
  })
  res.json({ reply_rule })
}

export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const rule = await existing(req)
  await officialAccountOf(req.scope).softDeleteOfficialAccountReplyRules(rule.id)
  res.json({ id: rule.id, object: "reply_rule", deleted: true })
}
