import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { GROUP_SESSION_MODULE } from "../../modules/group-session"
import type GroupSessionModuleService from "../../modules/group-session/service"
import type { ScheduleInput } from "../../modules/group-session/rules/session-schedule"

type Input = ScheduleInput & { doctor_id: string }

const scheduleStep = createStep(
  "schedule-group-session",
  async (input: Input, { container }) => {
    const sessions = container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE)
    const row = await sessions.scheduleSession(input, new Date())
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id)
      await container.resolve<GroupSessionModuleService>(GROUP_SESSION_MODULE).removeSession(id)
  }
)

/** An expert (a verified doctor) schedules a 在线咨询 session (POST /doctor/group-sessions). */
export const scheduleGroupSessionWorkflow = createWorkflow(
  "schedule-group-session",
  (input: Input) => new WorkflowResponse(scheduleStep(input))
)
