import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ConsultationJob, QUEUE_MODULE, QueueName, type JobQueue } from "../../lib/queue/jobs"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import { followUpReminderDelayMs, shanghaiDate } from "../../modules/consultation/rules/slots"
import type ConsultationModuleService from "../../modules/consultation/service"
import type { FollowUpRow } from "../../modules/consultation/service"

export type ScheduleFollowUpInput = {
  doctor_id: string
  customer_id: string
  consultation_id: string | null
  due_date: string
  note: string
}

/** BullMQ job ids may not contain ":"; one reminder per follow-up. */
export const followUpJobId = (followUpId: string) => `cons-followup-${followUpId}`

const recordFollowUpStep = createStep(
  "record-consultation-follow-up",
  async (input: ScheduleFollowUpInput, { container }) => {
    if (input.due_date < shanghaiDate(new Date())) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "复诊日期不能早于今天")
    }
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const row: FollowUpRow = await consultations.scheduleFollowUp(input)
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id)
      await container.resolve<ConsultationModuleService>(CONSULTATION_MODULE).removeFollowUp(id)
  }
)

/** The member's reminder at 09:00 Beijing time on the date, as a delayed job. */
const scheduleFollowUpReminderStep = createStep(
  "schedule-consultation-follow-up-reminder",
  async (row: FollowUpRow, { container }) => {
    const jobId = followUpJobId(row.id)
    await container
      .resolve<JobQueue>(QUEUE_MODULE)
      .enqueue(
        QueueName.CONSULTATION,
        ConsultationJob.FOLLOW_UP_REMIND,
        { follow_up_id: row.id },
        { jobId, delay: followUpReminderDelayMs(row.due_date, new Date()) }
      )
    return new StepResponse(jobId, jobId)
  },
  async (jobId, { container }) => {
    if (jobId)
      await container.resolve<JobQueue>(QUEUE_MODULE).removeJob(QueueName.CONSULTATION, jobId)
  }
)

/** `POST /doctor/patients/:customer_id/follow-ups`: the follow-up and its reminder. */
export const scheduleFollowUpWorkflow = createWorkflow(
  "schedule-consultation-follow-up",
  (input: ScheduleFollowUpInput) => {
    const row = recordFollowUpStep(input)
    scheduleFollowUpReminderStep(row)
    return new WorkflowResponse(row)
  }
)
