import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import type { CityDispatchSetting } from "../../modules/escort-dispatch/types"

const putDispatchSettingStep = createStep(
  "put-dispatch-setting",
  async (input: CityDispatchSetting, { container }) => {
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const before = await dispatch.settingFor(input.city)
    return new StepResponse(await dispatch.putSetting(input), before)
  },
  async (before, { container }) => {
    if (before) {
      await container
        .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
        .putSetting(before)
    }
  }
)

/** Operations choose a city's dispatch mode (抢单 or 自动派单) and the accept deadline. */
export const putDispatchSettingWorkflow = createWorkflow(
  "put-dispatch-setting",
  (input: CityDispatchSetting) => new WorkflowResponse(putDispatchSettingStep(input))
)
