import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { readEscortHospitalsFromCms } from "../../lib/cms/escort-hospital-source"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"

/**
 * Reads every published hospital from the CMS and replaces the synced copy with it. When
 * the CMS does not answer, the step fails before touching the copy: booking and the
 * escorts' task details keep the last synced hospitals.
 */
const syncEscortHospitalsStep = createStep(
  "sync-escort-hospitals",
  async (_input: Record<string, never>, { container }) => {
    const hospitals = await readEscortHospitalsFromCms()
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const outcome = await escorts.replaceHospitals(hospitals, new Date())
    return new StepResponse(outcome)
  }
)

/** The CMS said a hospital or department changed (or the periodic sync, or staff asked). */
export const syncEscortHospitalsWorkflow = createWorkflow(
  "sync-escort-hospitals",
  (input: Record<string, never>) => new WorkflowResponse(syncEscortHospitalsStep(input))
)
