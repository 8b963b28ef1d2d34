import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import { gatherOrderKitsStep, type OrderKits } from "./steps/gather-order-kits-step"

const createKitsStep = createStep("create-order-kits", async (order: OrderKits, { container }) => {
  if (!order || !order.lines.length) return new StepResponse([])
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  return new StepResponse(await archive.createKitsForOrder(order))
})

/** Gives a placed order its kits; repeating it for the same order changes nothing. */
export const createOrderKitsWorkflow = createWorkflow(
  "create-order-kits",
  (input: { order_id: string }) => {
    const order = gatherOrderKitsStep(input)
    const kits = createKitsStep(order)
    return new WorkflowResponse(transform({ kits }, ({ kits }) => kits))
  }
)
