import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officialAccountOf } from "../service-of"
import type { ListOfficialAccountQueryType } from "../validators"

/** GET /admin/official-account/followers: newest follows first, with their member links. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as ListOfficialAccountQueryType
  const [followers, count] = await officialAccountOf(
    req.scope
  ).listAndCountOfficialAccountFollowers(
    {},
    { order: { followed_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ followers, count, limit, offset })
}
