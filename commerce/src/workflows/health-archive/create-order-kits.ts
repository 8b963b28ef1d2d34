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
  // Each line keeps the test method chosen for it; the archive takes one method per call.
  let kits: Awaited<ReturnType<HealthArchiveModuleService["createKitsForOrder"]>> = []
  for (const method of ["mail_in", "on_site"] as const) {
    const lines = order.lines.filter((line) => line.collection_method === method)
    if (!lines.length) continue
    const { lines: _all, ...head } = order
    kits = await archive.createKitsForOrder({ ...head, collection_method: method, lines })
  }
  return new StepResponse(kits)
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
