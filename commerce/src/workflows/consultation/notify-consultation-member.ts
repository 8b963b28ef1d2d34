import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INBOX_MODULE } from "../../modules/inbox"
import type InboxModuleService from "../../modules/inbox/service"

export type ConsultationNotice = {
  customer_id: string
  consultation_id: string
  /** One message per consultation and kind (a replay delivers nothing new). */
  kind: "advice" | "refunded"
  title: string
  body: string
}

/** The member's inbox (deduplicated), linking to the consultation page. */
export const notifyConsultationMemberStep = createStep(
  "notify-consultation-member",
  async (notice: ConsultationNotice, { container }) => {
    await container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
      customer_id: notice.customer_id,
      category: "consultation",
      title: notice.title,
      body: notice.body,
      link: `/account/consultations/${notice.consultation_id}`,
      dedupe_key: `consultation:${notice.consultation_id}:${notice.kind}`,
    })
    return new StepResponse(undefined)
  }
)
