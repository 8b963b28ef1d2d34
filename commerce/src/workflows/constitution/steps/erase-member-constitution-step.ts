import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSTITUTION_MODULE } from "../../../modules/constitution"
import type ConstitutionModuleService from "../../../modules/constitution/service"

/**
 * Deletes a member's constitution results, the reports on them and every version (part of
 * erasing their health archive). Irreversible by design, so it has no compensation.
 */
export const eraseMemberConstitutionStep = createStep(
  "erase-member-constitution",
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    return new StepResponse(await constitution.eraseConstitutionDataOf(customer_id))
  }
)
