import { randomUUID } from "crypto"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { IOrderModuleService } from "@medusajs/framework/types"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import type { AppointmentRow } from "../../modules/appointment/types"
import { AUDIT_LOG_MODULE } from "../../modules/audit-log"
import type AuditLogModuleService from "../../modules/audit-log/service"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import { notifyMember } from "../../notifications/notify-member"
import { testMethodChangedNotice } from "../../notifications/order-test-method.zh-CN"
import { scheduleAppointmentReminderStep } from "../appointments/steps/appointment-reminder-steps"
import { memberOrderLockKey } from "./member-order-lock"
import {
  planTestMethodChange,
  type ChangeTestMethodInput,
  type TestMethodChangePlan,
} from "./plan-test-method-change"

export type { ChangeTestMethodInput }

const appointmentsOf = (container: { resolve<T>(key: string): T }) =>
  container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)

const planTestMethodChangeStep = createStep(
  "plan-member-test-method-change",
  async (input: ChangeTestMethodInput, { container }) =>
    new StepResponse(await planTestMethodChange(container, input))
)

type Undo =
  | { action: "relocate"; previous: AppointmentRow }
  | { action: "book"; id: string }
  | { action: "cancel"; previous: AppointmentRow }

/**
 * Frees the old place and takes the new one. A move is one transaction under the new
 * slot's lock (the appointment service counts places there), so of two members after the
 * last place one gets it and the other a 409. Compensation puts the appointment back.
 */
const moveCollectionStep = createStep(
  "move-member-order-collection",
  async (plan: TestMethodChangePlan, { container }) => {
    const appointments = appointmentsOf(container)
    const move = plan.appointment
    const actor = { actor_type: "customer" as const, actor_id: plan.customer_id }
    if (move.action === "relocate") {
      const moved = await appointments.relocateAppointment(
        move.appointment_id,
        {
          site: move.site,
          date: move.date!,
          slot: move.slot!,
          capacity: move.capacity,
          owner_id: plan.customer_id,
        },
        actor
      )
      return new StepResponse<AppointmentRow | null, Undo | null>(moved.appointment, {
        action: "relocate",
        previous: moved.previous,
      })
    }
    if (move.action === "book") {
      const created = await appointments.bookAppointment(
        {
          customer_id: plan.customer_id,
          site: move.site,
          capacity: move.capacity,
          date: move.date!,
          slot: move.slot!,
          order_id: plan.order_id,
          person: move.person,
        },
        actor
      )
      return new StepResponse<AppointmentRow | null, Undo | null>(created, {
        action: "book",
        id: created.id,
      })
    }
    if (move.action === "cancel") {
      const previous = await appointments.ownedAppointment(move.appointment_id, plan.customer_id)
      await appointments.transitionAppointment(move.appointment_id, "cancel", {
        ...actor,
        note: "会员修改了订单的采样方式",
        owner_id: plan.customer_id,
      })
      return new StepResponse<AppointmentRow | null, Undo | null>(null, {
        action: "cancel",
        previous,
      })
    }
    return new StepResponse<AppointmentRow | null, Undo | null>(null, null)
  },
  async (undo: Undo | null | undefined, { container }) => {
    if (!undo) return
    const appointments = appointmentsOf(container)
    if (undo.action === "book") await appointments.softDeleteAppointments(undo.id)
    else await appointments.restoreAppointment(undo.previous)
  }
)

type LineBefore = { line_item_id: string; metadata: Record<string, unknown> | null }

/** The order line records the method, as checkout wrote it (what every reader goes by). */
const setOrderLineMethodStep = createStep(
  "set-member-order-line-test-method",
  async (plan: TestMethodChangePlan, { container }) => {
    await container
      .resolve<IOrderModuleService>(Modules.ORDER)
      .updateOrderLineItems(plan.line_item_id, { metadata: plan.line_metadata_after })
    return new StepResponse<null, LineBefore>(null, {
      line_item_id: plan.line_item_id,
      metadata: plan.line_metadata_before,
    })
  },
  async (before: LineBefore | undefined, { container }) => {
    if (!before) return
    await container
      .resolve<IOrderModuleService>(Modules.ORDER)
      .updateOrderLineItems(before.line_item_id, { metadata: before.metadata ?? {} })
  }
)

type KitsBefore = { ids: string[]; method: "mail_in" | "on_site" }

/** The lab sees each kit's method: an on-site kit is not posted, a mailed one is. */
const setKitMethodStep = createStep(
  "set-member-order-kit-method",
  async (plan: TestMethodChangePlan, { container }) => {
    if (!plan.kit_ids.length || plan.from.method === plan.to.method) {
      return new StepResponse<null, KitsBefore | null>(null, null)
    }
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    await archive.updateKits(plan.kit_ids.map((id) => ({ id, collection_method: plan.to.method })))
    return new StepResponse<null, KitsBefore | null>(null, {
      ids: plan.kit_ids,
      method: plan.from.method,
    })
  },
  async (before: KitsBefore | null | undefined, { container }) => {
    if (!before) return
    await container
      .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      .updateKits(before.ids.map((id) => ({ id, collection_method: before.method })))
  }
)

/** Who changed what is kept in the audit log, and the member finds it in the inbox. */
const recordTestMethodChangeStep = createStep(
  "record-member-test-method-change",
  async (
    { plan, input }: { plan: TestMethodChangePlan; input: ChangeTestMethodInput },
    { container }
  ) => {
    await container.resolve<AuditLogModuleService>(AUDIT_LOG_MODULE).createAuditEntries({
      actor_id: plan.customer_id,
      action: "order.test_method.change",
      method: "POST",
      path: `/store/orders/${plan.order_id}/test-method`,
      status: 200,
      ip: input.ip ?? null,
      user_agent: input.user_agent ?? null,
      details: {
        order_id: plan.order_id,
        line_item_id: plan.line_item_id,
        from: plan.from,
        to: plan.to,
        appointment: plan.appointment.action,
      },
    })
    await notifyMember(
      container,
      plan.customer_id,
      testMethodChangedNotice({
        order_id: plan.order_id,
        display_id: plan.order_display_id,
        title: plan.title,
        method: plan.to.method,
        collection: plan.to.collection,
        change_id: randomUUID(),
      })
    )
    return new StepResponse(true)
  }
)

/**
 * A member changes how one kit of their order is sampled — mailed kit or on-site at a
 * collection site and slot, or another site or slot — until the kit ships or the sample
 * is taken (the 规定时间, as for the address). Runs under the order's member lock, so it
 * never races a cancel or another edit. The order's amount does not change: both methods
 * carry the same (free) shipping, and nothing is charged or refunded after payment.
 */
export const changeMemberOrderTestMethodWorkflow = createWorkflow(
  "change-member-order-test-method",
  (input: ChangeTestMethodInput) => {
    const key = transform({ input }, ({ input }) => memberOrderLockKey(input.order_id))
    acquireLockStep({ key, timeout: 10, ttl: 120 })
    const plan = planTestMethodChangeStep(input)
    const appointment = moveCollectionStep(plan)
    setOrderLineMethodStep(plan)
    setKitMethodStep(plan)
    when({ appointment }, ({ appointment }) => !!appointment).then(() => {
      scheduleAppointmentReminderStep(
        transform({ appointment }, ({ appointment }) => ({
          appointment_id: appointment!.id,
          date: appointment!.date,
          slot: appointment!.slot,
        }))
      )
    })
    recordTestMethodChangeStep({ plan, input })
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ plan, appointment }, ({ plan, appointment }) => ({
        order_id: plan.order_id,
        line_item_id: plan.line_item_id,
        method: plan.to.method,
        collection: plan.to.collection,
        appointment: appointment
          ? {
              id: appointment.id,
              site_name: appointment.site_name,
              date: appointment.date,
              slot: appointment.slot,
            }
          : null,
      }))
    )
  }
)
