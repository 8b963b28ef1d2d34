import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MESSAGING_MODULE } from "../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../modules/escort-messaging/service"
import type { NewServiceReport, ServiceReportRow } from "../../modules/escort-messaging/service"
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"

type Input = { booking_id: string; escort_id: string; report: NewServiceReport }

const recordServiceReportStep = createStep(
  "record-escort-service-report",
  async (input: Input, { container }) => {
    const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
    const row = await messaging.recordReport(input.booking_id, input.escort_id, input.report)
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE).removeReport(id)
  }
)

/**
 * The escort's service report, once per booking (the module's unique index refuses a
 * second with 409). The member's open page hears of it and reads it.
 */
export const writeEscortServiceReportWorkflow = createWorkflow(
  "write-escort-service-report",
  (input: Input) => {
    const report: ServiceReportRow = recordServiceReportStep(input)
    publishEscortBookingChangeStep(input.booking_id)
    return new WorkflowResponse(report)
  }
)
