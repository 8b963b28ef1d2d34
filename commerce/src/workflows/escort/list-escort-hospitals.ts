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
 * The synced hospitals of a city. A catalogue never synced yet (a fresh installation
 * whose periodic sync has not run) is read from the CMS once, here; a CMS that does not
 * answer then leaves it empty rather than failing the member's page.
 */
const listEscortHospitalsStep = createStep(
  "list-escort-hospitals",
  async (input: { city: string | null }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    if (!(await escorts.hospitalsSyncedAt())) {
      try {
        await escorts.replaceHospitals(await readEscortHospitalsFromCms(), new Date())
      } catch {
        // No copy and no CMS: an empty list, and the booking form falls back to typing.
      }
    }
    return new StepResponse(await escorts.hospitalsIn(input.city))
  }
)

export const listEscortHospitalsWorkflow = createWorkflow(
  "list-escort-hospitals",
  (input: { city: string | null }) => new WorkflowResponse(listEscortHospitalsStep(input))
)
