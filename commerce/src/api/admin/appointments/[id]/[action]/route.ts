import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { changeAppointmentStatusWorkflow } from "../../../../../workflows/appointments/change-appointment-status"
import { rescheduleAppointmentWorkflow } from "../../../../../workflows/appointments/reschedule-appointment"
import { appointmentRequest } from "../../../../appointment-request"
import { answeringAppointmentErrors } from "../../../../appointment-response"
import type { AdminAppointmentActionBodyType } from "../../../../appointment-validators"

const STATUS_ACTIONS = ["confirm", "complete", "cancel"] as const

/** POST /admin/appointments/:id/{confirm|complete|cancel|reschedule} */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminAppointmentActionBodyType>,
  res: MedusaResponse
) {
  const action = req.params.action
  const { appointments, actor } = appointmentRequest(req)
  const body = req.validatedBody ?? ({} as AdminAppointmentActionBodyType)
  if (action !== "reschedule" && !(STATUS_ACTIONS as readonly string[]).includes(action)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `未知的操作 ${action}`)
  }
  if (action === "reschedule" && (!body.date || !body.slot)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "改期请选择新的日期和时段")
  }
  const done = await answeringAppointmentErrors(res, async () => {
    if (action === "reschedule") {
      await rescheduleAppointmentWorkflow(req.scope).run({
        input: { appointment_id: req.params.id, date: body.date!, slot: body.slot!, actor },
      })
    } else {
      await changeAppointmentStatusWorkflow(req.scope).run({
        input: {
          appointment_id: req.params.id,
          action: action as (typeof STATUS_ACTIONS)[number],
          actor,
          reason: body.reason ?? null,
        },
      })
    }
  })
  if (!done) return
  const [appointment] = await appointments.appointmentViews([req.params.id])
  res.json({ appointment })
}
