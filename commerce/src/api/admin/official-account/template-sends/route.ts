import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officialAccountOf } from "../service-of"
import type { ListOfficialAccountQueryType } from "../validators"

/**
 * GET /admin/official-account/template-sends: the template messages' outcomes, newest
 * first, and `delivery_counts`: the sent ones by WeChat's delivery report (delivered,
 * user_blocked, system_failed, other, pending: no report yet).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as ListOfficialAccountQueryType
  const oa = officialAccountOf(req.scope)
  const [[template_sends, count], delivery_counts] = await Promise.all([
    oa.listAndCountOfficialAccountTemplateSends(
      {},
      { order: { created_at: "DESC" }, take: limit, skip: offset }
    ),
    oa.templateDeliveryCounts(),
  ])
  res.json({ template_sends, count, limit, offset, delivery_counts })
}
