import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  memberEventTemplate,
  type MemberEventKind,
} from "../../notifications/official-account.zh-CN"
import { sendOfficialAccountTemplate, type TemplateOutcome } from "./send-template-message"

/**
 * One member event (order paid, kit on its way, appointment, escort, consultation) as the
 * service account's template message, to a member who follows it and allows WeChat
 * messages; once per `notice_key`. The member's other channels are told elsewhere: a
 * template message that cannot go out is logged, never thrown, so it cannot hold them back.
 */
export async function sendMemberEventTemplate(
  container: MedusaContainer,
  input: {
    customer_id: string
    notice_key: string
    kind: MemberEventKind
    subject: string
    status: string
    at?: Date
    path: string
  }
): Promise<TemplateOutcome | "error"> {
  const { template, notice } = memberEventTemplate(input.kind, {
    subject: input.subject,
    status: input.status,
    at: input.at ?? new Date(),
    path: input.path,
  })
  try {
    return await sendOfficialAccountTemplate(container, {
      customer_id: input.customer_id,
      notice_key: input.notice_key,
      template,
      notice,
    })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`[wechat-oa] ${template} for ${input.customer_id}: ${(error as Error).message}`)
    return "error"
  }
}
