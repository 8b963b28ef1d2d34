import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MembershipChange } from "../../../../../lib/membership/membership-metadata"
import type { CompanyNature } from "../../../../../lib/membership/membership-terms"
import { setMemberMembershipWorkflow } from "../../../../../workflows/set-member-membership"
import type { MembershipBodyType } from "./validators"

/**
 * `{ type: "individual" | "group", company_name?, company_nature? }` → the member's type,
 * with 团体会员 in the customer group of that name (and 个人会员 out of it).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<MembershipBodyType>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const change: MembershipChange =
    body.type === "group"
      ? {
          type: "group",
          company_name: body.company_name,
          company_nature: body.company_nature as CompanyNature,
        }
      : { type: "individual" }
  const customerId = req.auth_context.actor_id
  await setMemberMembershipWorkflow(req.scope).run({
    input: { customer_id: customerId, change },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "email",
      "phone",
      "first_name",
      "last_name",
      "metadata",
      "created_at",
      "groups.id",
      "groups.name",
    ],
    filters: { id: customerId },
  })
  res.status(200).json({ customer })
}
