import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * The name a member sees under an expert's report: the staff user's name in Chinese order
 * (姓 then 名). Never their email: staff contact details are not the member's business.
 */
export const resolveExpertNameStep = createStep(
  "resolve-expert-name",
  async ({ user_id }: { user_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [user],
    } = await query.graph({
      entity: "user",
      fields: ["first_name", "last_name"],
      filters: { id: user_id },
    })
    const name = `${user?.last_name ?? ""}${user?.first_name ?? ""}`.trim()
    return new StepResponse(name || null)
  }
)
