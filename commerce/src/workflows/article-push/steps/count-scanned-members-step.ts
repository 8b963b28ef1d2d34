import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ARTICLE_PUSH_MODULE } from "../../../modules/article-push"
import type ArticlePushModuleService from "../../../modules/article-push/service"

/** Adds a finished batch's member count to the push's progress (shown to staff). */
export const countScannedMembersStep = createStep(
  "count-scanned-members",
  async ({ document_id, count }: { document_id: string; count: number }, { container }) => {
    await container
      .resolve<ArticlePushModuleService>(ARTICLE_PUSH_MODULE)
      .addScanned(document_id, count)
    return new StepResponse(count)
  }
)
