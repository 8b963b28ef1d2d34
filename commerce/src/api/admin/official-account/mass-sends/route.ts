import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendMassSend } from "../../../../workflows/official-account/send-mass-send"
import { officialAccountOf } from "../service-of"
import type { CreateMassSendBodyType, ListOfficialAccountQueryType } from "../validators"

/** GET /admin/official-account/mass-sends: every 群发 with its status and counts, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as ListOfficialAccountQueryType
  const [mass_sends, count] = await officialAccountOf(
    req.scope
  ).listAndCountOfficialAccountMassSends(
    {},
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ mass_sends, count, limit, offset })
}

/**
 * POST /admin/official-account/mass-sends `{ content_type, content_id, audience, tag_id? }`:
 * 群发 a micro-site item. 400 for content not flagged 发布到微官网, 404 for content not
 * published, 409 when the month's sends are used up; WeChat's other refusals are recorded
 * on the send (status failed, its errcode).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<CreateMassSendBodyType>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const mass_send = await sendMassSend(req.scope, {
    content_type: body.content_type,
    content_id: body.content_id,
    tag_id: body.audience === "tag" ? (body.tag_id ?? null) : null,
    created_by: req.auth_context?.actor_id ?? null,
  })
  res.status(201).json({ mass_send })
}
