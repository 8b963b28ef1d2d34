import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ARTICLE_PUSH_MODULE } from "../../../../modules/article-push"
import type ArticlePushModuleService from "../../../../modules/article-push/service"
import type { ListPushesQueryType } from "./validators"

/** Pushed articles, newest first, with targeted members and deliveries per channel. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { limit: take, offset: skip } = req.validatedQuery as ListPushesQueryType
  const pushes = req.scope.resolve<ArticlePushModuleService>(ARTICLE_PUSH_MODULE)
  const { pushes: rows, count } = await pushes.listPushCounts({ take, skip })
  res.json({ pushes: rows, count, limit: take, offset: skip })
}
