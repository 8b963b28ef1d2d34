import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officialAccountOf } from "../service-of"
import type { ListOfficialAccountQueryType } from "../validators"

/** GET /admin/official-account/template-sends: the template messages' outcomes, newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as ListOfficialAccountQueryType
  const [template_sends, count] = await officialAccountOf(
    req.scope
  ).listAndCountOfficialAccountTemplateSends(
    {},
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ template_sends, count, limit, offset })
}
