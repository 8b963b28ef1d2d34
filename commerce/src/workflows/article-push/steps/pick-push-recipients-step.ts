import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tagsMatch } from "../../../lib/push/member-tags"
import type { PushedArticle } from "../../../lib/queue/jobs"
import { loadMemberTags, type PushRecipient } from "../load-member-tags"

/** The members of a batch whose tags match the article's, with their phone and opt-outs. */
export const pickPushRecipientsStep = createStep(
  "pick-push-recipients",
  async (
    { article, customer_ids }: { article: PushedArticle; customer_ids: string[] },
    { container }
  ) => {
    const members = await loadMemberTags(container, customer_ids)
    const recipients: PushRecipient[] = members
      .filter((member) => tagsMatch(article.tags, member.tags))
      .map(({ id, phone, preferences }) => ({ id, phone, preferences }))
    return new StepResponse(recipients)
  }
)
