import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { KitStatus } from "../../lib/kits/kit-status"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import {
  memberOrderChangeRefusal,
  type MemberOrderChange,
  type OrderCancellationFacts,
} from "./member-cancellation"

/**
 * The member's own order with what decides whether they may cancel (or edit) it, and the
 * answer. Someone else's order is "not found", as if it did not exist.
 */
export async function loadOrderCancellation(
  container: MedusaContainer,
  orderId: string,
  customerId: string,
  change: MemberOrderChange = "cancel"
): Promise<{ facts: OrderCancellationFacts; refusal: string | null }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "status", "fulfillments.canceled_at"],
    filters: { id: orderId },
  })
  if (!order || order.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "订单不存在")
  }
  const kits = await container
    .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    .listKits({ order_id: orderId }, { select: ["status"] })
  const appointments = await container
    .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    .listAppointments({ order_id: orderId }, { select: ["status"] })
  const facts: OrderCancellationFacts = {
    status: order.status,
    fulfillments: (order.fulfillments ?? []).filter(
      Boolean
    ) as OrderCancellationFacts["fulfillments"],
    kit_statuses: kits.map((kit) => kit.status as KitStatus),
    appointment_statuses: appointments.map((appointment) => appointment.status),
  }
  return { facts, refusal: memberOrderChangeRefusal(facts, change) }
}
