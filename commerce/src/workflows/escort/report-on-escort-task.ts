import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { EscortDispatchJob, QUEUE_MODULE, QueueName, type JobQueue } from "../../lib/queue/jobs"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { publishEscortBookingChangeStep } from "./publish-escort-booking-change"
import { checkEscortTaskPhotosStep } from "./steps/check-escort-task-photos-step"

type Input = {
  booking_id: string
  escort_id: string
  report: { type: string; text: string; location?: unknown; photo_upload_ids?: string[] }
}

const reportOnEscortTaskStep = createStep(
  "report-on-escort-task",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const report = await escorts.reportOnTask(input.booking_id, input.escort_id, input.report)
    return new StepResponse(report, report.id)
  },
  async (eventId, { container }) => {
    if (eventId) {
      await container
        .resolve<EscortModuleService>(ESCORT_MODULE)
        .softDeleteEscortBookingEvents(eventId)
    }
  }
)

/** The alert sweep runs now rather than at its next turn: operations hear of a 报备 at once. */
const sweepDispatchNowStep = createStep(
  "sweep-escort-dispatch-now",
  async (_: string, { container }) => {
    await container
      .resolve<JobQueue>(QUEUE_MODULE)
      .enqueue(QueueName.ESCORT_DISPATCH, EscortDispatchJob.SWEEP, {})
    return new StepResponse(null)
  }
)

/**
 * 报备: the assigned escort reports to the platform during a service. It goes on the
 * timeline (flagged), the member's open timeline hears of it at once, and the dispatch
 * sweep raises the board alert and texts the on-duty staff.
 */
export const reportOnEscortTaskWorkflow = createWorkflow(
  "report-on-escort-task",
  (input: Input) => {
    checkEscortTaskPhotosStep(
      transform({ input }, ({ input }) => ({
        booking_id: input.booking_id,
        escort_id: input.escort_id,
        photo_upload_ids: input.report.photo_upload_ids ?? [],
      }))
    )
    const report = reportOnEscortTaskStep(input)
    publishEscortBookingChangeStep(input.booking_id)
    sweepDispatchNowStep(input.booking_id)
    return new WorkflowResponse(report)
  }
)
