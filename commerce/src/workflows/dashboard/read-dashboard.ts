import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { DashboardQueryType } from "../../lib/dashboard/dashboard-query"
import { readDashboardStep } from "./steps/read-dashboard-step"

/**
 * 数据统计: sales, conversion, new members, affiliate contribution, kits and report
 * turnaround, appointment usage, constitution types and regions over a period of Beijing
 * days, each block on its own or all of them. Read-only; amounts in integer fen.
 */
export const readDashboardWorkflow = createWorkflow(
  "read-dashboard",
  (input: DashboardQueryType) => new WorkflowResponse(readDashboardStep(input))
)
