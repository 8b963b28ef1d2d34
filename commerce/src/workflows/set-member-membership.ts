import {
  acquireLockStep,
  linkCustomersToCustomerGroupWorkflow,
  releaseLockStep,
  updateCustomersWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { membershipMetadata, type MembershipChange } from "../lib/membership/membership-metadata"
import { GROUP_MEMBER_CUSTOMER_GROUP } from "../lib/membership/membership-terms"
import { ensureCustomerGroupStep } from "./steps/ensure-customer-group-step"

export type SetMemberMembershipInput = {
  customer_id: string
  change: MembershipChange
}

/**
 * Declares a member 个人会员 or 团体会员: the type and company go to the customer's
 * metadata, and the customer joins or leaves the 团体会员 customer group that price lists
 * target. Under the member's lock, so two quick switches cannot both add (or remove).
 */
export const setMemberMembershipWorkflow = createWorkflow(
  "set-member-membership",
  (input: SetMemberMembershipInput) => {
    const lockKey = transform({ input }, ({ input }) => `membership:${input.customer_id}`)
    acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
    const groupId = ensureCustomerGroupStep(GROUP_MEMBER_CUSTOMER_GROUP)
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "groups.id"],
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    })
    const update = transform({ input }, ({ input }) => ({
      selector: { id: input.customer_id },
      update: { metadata: membershipMetadata(input.change) },
    }))
    updateCustomersWorkflow.runAsStep({ input: update })
    // Only real changes: the core step's compensation undoes exactly what it was given.
    const link = transform({ input, groupId, customers }, ({ input, groupId, customers }) => {
      const groups = (customers[0]?.groups ?? []) as ({ id: string } | null)[]
      const inGroup = groups.some((group) => group?.id === groupId)
      const wanted = input.change.type === "group"
      return {
        id: groupId,
        add: wanted && !inGroup ? [input.customer_id] : [],
        remove: !wanted && inGroup ? [input.customer_id] : [],
      }
    })
    linkCustomersToCustomerGroupWorkflow.runAsStep({ input: link })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(
      transform({ input, groupId }, ({ input, groupId }) => ({
        customer_id: input.customer_id,
        type: input.change.type,
        customer_group_id: groupId,
      }))
    )
  }
)
