import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { KIT_TRANSITIONS } from "../../lib/kits/kit-status"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"

const cancelOrderKitsStep = createStep(
  "cancel-order-kits",
  async ({ order_id }: { order_id: string }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const kits = await archive.listKits({ order_id, status: KIT_TRANSITIONS.cancel.from })
    for (const kit of kits) {
      await archive.transitionKit(kit.id, "cancel", { actor_type: "system", note: "订单已取消" })
    }
    return new StepResponse(kits.map((kit) => kit.id))
  }
)

/** Voids the kits of a canceled order that nobody has activated; used kits stay. */
export const cancelOrderKitsWorkflow = createWorkflow(
  "cancel-order-kits",
  (input: { order_id: string }) => new WorkflowResponse(cancelOrderKitsStep(input))
)
