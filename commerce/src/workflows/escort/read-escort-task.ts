import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"

type Input = { booking_id: string; escort: { id: string; city: string } }

const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该任务")

/**
 * A task as the escort sees it: their own (full, with its timeline), or one they may
 * take (open to grab in their city, or offered to them: surname only). Either way with
 * the hospital's address, coordinates and guide, and the department's SOP, from the
 * synced catalogue (empty when the booking's hospital is not in it).
 */
const readEscortTaskStep = createStep("read-escort-task", async (input: Input, { container }) => {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  const row = await escorts.ownedBooking(input.booking_id).catch(() => {
    throw notFound()
  })
  const mine = row.escort_id === input.escort.id
  if (!mine) {
    const open = row.status === "awaiting_escort" && !row.escort_id
    if (!open || row.city !== input.escort.city) throw notFound()
    const offer = await dispatch.liveOffer(row.id)
    const grab = (await dispatch.settingFor(row.city)).mode === "grab"
    if (!grab && offer?.escort_id !== input.escort.id) throw notFound()
  }
  const task = escorts.presentBooking(row, mine ? "assigned_escort" : "open_task")
  const hospital = row.hospital_id ? await escorts.hospital(row.hospital_id) : null
  const department =
    hospital?.departments.find((d) => d.id === row.department_id) ??
    hospital?.departments.find((d) => d.name === row.department_name) ??
    null
  // The route decides what of an own task the escort may still read (access that ends).
  return new StepResponse({
    row,
    mine,
    task: {
      ...task,
      hospital: {
        ...task.hospital,
        level: hospital?.level ?? null,
        address: hospital?.address ?? null,
        latitude: hospital?.latitude ?? null,
        longitude: hospital?.longitude ?? null,
        guide: hospital?.guide ?? null,
      },
      sop: department?.sop ?? [],
      ...(mine ? { events: await escorts.bookingEvents(row.id) } : {}),
    },
  })
})

/** GET /escort/tasks/:id. */
export const readEscortTaskWorkflow = createWorkflow("read-escort-task", (input: Input) => {
  return new WorkflowResponse(readEscortTaskStep(input))
})
