import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchPushContent } from "../../../../workflows/marketing-push/content/push-content"
import type { SearchPushContentQueryType } from "../validators"

/** 推送中心's content picker: up to 20 articles, products, sessions, escort or consultation offers. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { type, q } = req.validatedQuery as SearchPushContentQueryType
  res.json({ type, content: await searchPushContent(req.scope, type, q) })
}
