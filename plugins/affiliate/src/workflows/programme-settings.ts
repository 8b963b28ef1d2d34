import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { AffiliateRow, SettingsView } from "../modules/affiliate/service"
import { affiliateService } from "./steps/affiliate-service"

const updateSettingsStep = createStep(
  "affiliate-update-settings",
  async (input: Partial<SettingsView>, { container }) => {
    const service = affiliateService(container)
    const previous = await service.settings()
    return new StepResponse(await service.updateSettings(input), previous)
  },
  async (previous, { container }) => {
    if (previous) await affiliateService(container).updateSettings(previous)
  }
)

/** Levels and rates (at most 3 levels), the hold and the minimum withdrawal. */
export const updateAffiliateSettingsWorkflow = createWorkflow(
  "affiliate-update-settings",
  (input: Partial<SettingsView>) => new WorkflowResponse(updateSettingsStep(input))
)

type StatusInput = { affiliate_id: string; status: AffiliateRow["status"] }

const setStatusStep = createStep(
  "affiliate-set-status",
  async (input: StatusInput, { container }) =>
    new StepResponse(await affiliateService(container).setAffiliateStatus(input))
)

/** Staff upgrade a member to distributor, downgrade, or disable them. */
export const setAffiliateStatusWorkflow = createWorkflow(
  "affiliate-set-status",
  (input: StatusInput) => new WorkflowResponse(setStatusStep(input))
)
