import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_BOOKING_STATUS_LABELS } from "../../modules/escort/rules/escort-booking-status"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import { checkEscortScheduleStep } from "./accept-dispatched-task"
import { checkEscortTrainingStep } from "../escort-training/check-escort-training"
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"

type Input = { booking_id: string; escort_id: string; staff_id: string }

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

/** The booking can be given to this escort: waiting or accepted, same city, active. */
const checkAssignableStep = createStep(
  "check-escort-assignable",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const booking = await escorts.ownedBooking(input.booking_id)
    const [escort] = await escorts.listEscorts({ id: input.escort_id }, { take: 1 })
    if (!escort) throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该陪诊员")
    if (escort.status !== "active") throw conflict("该陪诊员已停用，不能指派")
    if (escort.city !== booking.city) {
      throw conflict(`陪诊员所在城市（${escort.city}）与订单城市（${booking.city}）不同`)
    }
    if (booking.status !== "awaiting_escort" && booking.status !== "accepted") {
      throw conflict(
        `订单当前为「${ESCORT_BOOKING_STATUS_LABELS[booking.status]}」，只有待接单或已接单的订单可以指派`
      )
    }
    if (booking.escort_id === escort.id) throw conflict("该订单已由这位陪诊员负责")
    return new StepResponse({
      escort: { id: escort.id, city: escort.city, name: escort.name },
      previous_escort_id: booking.status === "accepted" ? booking.escort_id : null,
    })
  }
)

/** The booking goes to the escort (待接单 → 已接单), under their lock; given back if a later step fails. */
const takeForEscortStep = createStep(
  "assign-escort-take-task",
  async (input: { booking_id: string; escort: { id: string; city: string } }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    await escorts.acceptTask(input.booking_id, input.escort)
    return new StepResponse(null, input)
  },
  async (taken, { container }) => {
    if (taken) {
      await container
        .resolve<EscortModuleService>(ESCORT_MODULE)
        .releaseTask(taken.booking_id, taken.escort.id)
    }
  }
)

/**
 * Reassigning an accepted booking: one transaction in the escort module moves it from the
 * previous escort to the new one, or nothing moves (the previous keeps it). Compensated by
 * moving it back, should a later step fail.
 */
const reassignEscortStep = createStep(
  "reassign-escort-task",
  async (
    input: {
      booking_id: string
      staff_id: string
      previous_escort_id: string
      escort: { id: string; city: string; name: string }
    },
    { container }
  ) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    await escorts.reassignTask(input.booking_id, input.previous_escort_id, input.escort, {
      id: input.staff_id,
      note: `运营改派：${input.escort.name}`,
    })
    return new StepResponse(null, input)
  },
  async (moved, { container }) => {
    if (!moved) return
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const [previous] = await escorts.listEscorts({ id: moved.previous_escort_id }, { take: 1 })
    await escorts.reassignTask(
      moved.booking_id,
      moved.escort.id,
      { id: moved.previous_escort_id, city: previous?.city ?? moved.escort.city },
      { id: moved.staff_id, note: "改派未完成，已恢复原陪诊员" }
    )
  }
)

const readAssignedBookingStep = createStep(
  "read-assigned-escort-booking",
  async (bookingId: string, { container }) =>
    new StepResponse(
      await container.resolve<EscortModuleService>(ESCORT_MODULE).ownedBooking(bookingId)
    )
)

/** Ends live offers and puts the staff member's assignment on the booking's timeline. */
const recordAssignmentStep = createStep(
  "record-escort-assignment",
  async (
    input: {
      booking_id: string
      staff_id: string
      escort: { id: string; name: string }
      previous_escort_id: string | null
    },
    { container }
  ) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    await container
      .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
      .withdrawOffers(input.booking_id)
    const event = await escorts.createEscortBookingEvents({
      booking_id: input.booking_id,
      status: "accepted",
      actor_type: "staff",
      actor_id: input.staff_id,
      note: `${input.previous_escort_id ? "运营改派" : "运营指派"}：${input.escort.name}`,
    })
    return new StepResponse(event.id, event.id)
  },
  async (eventId, { container }) => {
    if (eventId) {
      await container.resolve<EscortModuleService>(ESCORT_MODULE).deleteEscortBookingEvents(eventId)
    }
  }
)

/**
 * Staff assign a 待接单 booking to an escort, or reassign an accepted one, with the same
 * schedule and overlap rules as an escort accepting it (the overlap check runs under the
 * escort's lock in the escort module, so a parallel accept cannot double-book them). A
 * reassignment is one transaction: if it fails, the previous escort still has the task.
 */
export const assignEscortBookingWorkflow = createWorkflow(
  "assign-escort-booking",
  (input: Input) => {
    const checked = checkAssignableStep(input)
    checkEscortTrainingStep({ escort_id: input.escort_id })
    checkEscortScheduleStep({ booking_id: input.booking_id, escort_id: input.escort_id })
    when("escort-reassignment", { checked }, ({ checked }) => !!checked.previous_escort_id).then(
      () => {
        reassignEscortStep(
          transform({ input, checked }, ({ input, checked }) => ({
            booking_id: input.booking_id,
            staff_id: input.staff_id,
            previous_escort_id: checked.previous_escort_id!,
            escort: checked.escort,
          }))
        )
      }
    )
    when("escort-first-assignment", { checked }, ({ checked }) => !checked.previous_escort_id).then(
      () => {
        takeForEscortStep(
          transform({ input, checked }, ({ input, checked }) => ({
            booking_id: input.booking_id,
            escort: { id: checked.escort.id, city: checked.escort.city },
          }))
        )
        recordAssignmentStep(
          transform({ input, checked }, ({ input, checked }) => ({
            booking_id: input.booking_id,
            staff_id: input.staff_id,
            escort: checked.escort,
            previous_escort_id: null,
          }))
        )
      }
    )
    const task = readAssignedBookingStep(input.booking_id)
    // The member's open timeline shows the staff assignment at once.
    publishEscortBookingChangeStep(input.booking_id)
    return new WorkflowResponse(task)
  }
)
