import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_CASE_MODULE } from "../../modules/escort-case"
import type EscortCaseModuleService from "../../modules/escort-case/service"
import type { NewEscortCase } from "../../modules/escort-case/types"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { ALERT_KIND_LABELS } from "../escort-dispatch/raise-dispatch-alerts"

export type OpenEscortCaseInput = {
  /** `dispute`: a member's complaint (申诉); `alert`: a dispatch alert, 报备 included. */
  from: "dispute" | "alert"
  source_id: string
  actor_id: string | null
}

/** What the case is about, read from its source (a dispute or an alert) and its booking. */
const describeCaseSourceStep = createStep(
  "describe-escort-case-source",
  async (input: OpenEscortCaseInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    if (input.from === "dispute") {
      const dispute = await container
        .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
        .dispute(input.source_id)
      return new StepResponse<NewEscortCase>({
        source: "dispute",
        source_id: dispute.id,
        booking_id: dispute.booking_id,
        customer_id: dispute.customer_id,
        escort_id: dispute.escort_id,
        summary: `会员申诉：${dispute.reason}`,
      })
    }
    const alert = await container
      .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
      .retrieveDispatchAlert(input.source_id)
      .catch(() => {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该告警")
      })
    const booking = await escorts.ownedBooking(alert.booking_id)
    const report = alert.kind === "report"
    return new StepResponse<NewEscortCase>({
      source: report ? "report" : "alert",
      source_id: alert.id,
      booking_id: alert.booking_id,
      customer_id: booking.customer_id,
      escort_id: booking.escort_id,
      summary: `${report ? "陪诊员报备" : `异常告警（${ALERT_KIND_LABELS[alert.kind]}）`}：${alert.message}`,
    })
  }
)

const openEscortCaseStep = createStep(
  "open-escort-case",
  async (input: { about: NewEscortCase; actor_id: string | null }, { container }) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    const opened = await cases.openCase({ ...input.about, actor_id: input.actor_id })
    return new StepResponse(opened)
  }
)

/**
 * Opens the case (事件) of a member's complaint, an escort's 报备 or an anomaly alert, once
 * per source: opening it again answers the case already open (`created: false`).
 */
export const openEscortCaseWorkflow = createWorkflow(
  "open-escort-case",
  (input: OpenEscortCaseInput) => {
    const about = describeCaseSourceStep(input)
    const opened = openEscortCaseStep({ about, actor_id: input.actor_id })
    return new WorkflowResponse(opened)
  }
)
