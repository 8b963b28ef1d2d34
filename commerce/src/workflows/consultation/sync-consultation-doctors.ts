import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { readExpertsFromCms } from "../../lib/cms/expert-source"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"

/**
 * Reads every CMS expert and writes their public profiles into the doctors; when the CMS does
 * not answer the step fails before touching anything (doctors keep their last profile).
 */
const syncDoctorsStep = createStep(
  "sync-consultation-doctors",
  async (_input: Record<string, never>, { container }) => {
    const profiles = await readExpertsFromCms()
    const outcome = await container
      .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      .upsertFromCms(profiles, new Date())
    return new StepResponse(outcome)
  }
)

export const syncConsultationDoctorsWorkflow = createWorkflow(
  "sync-consultation-doctors",
  (input: Record<string, never>) => new WorkflowResponse(syncDoctorsStep(input))
)
