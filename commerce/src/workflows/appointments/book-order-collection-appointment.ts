import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  readCollectionAppointment,
  type CollectionAppointmentChoice,
} from "../../lib/appointments/collection-appointment"
import { normalizeCnMobile } from "../../lib/phone/normalize-cn-mobile"
import { bookAppointmentWorkflow } from "./book-appointment"

export type OrderCollectionOutcome =
  | { outcome: "none" }
  | { outcome: "booked"; appointment_id: string; already_booked: boolean }
  | {
      outcome: "unbooked"
      customer_id: string
      order_id: string
      order_display_id: number | null
      choice: CollectionAppointmentChoice
      reason: string
    }

/** Refusals the member can fix by choosing another slot; anything else is retried. */
const MEMBER_FIXABLE = new Set<string>([
  MedusaError.Types.CONFLICT,
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.NOT_FOUND,
])

/**
 * Books the collection slot chosen at checkout (order metadata `collection_appointment`)
 * for the buyer, with the order's id, through the same workflow a member's own booking
 * takes. An order gets one appointment however often this runs. When the slot filled up
 * (or passed, or the site closed) since checkout, nothing is booked and the caller tells
 * the member; an unreachable CMS throws, so the job is retried.
 */
export async function bookOrderCollectionAppointment(
  container: MedusaContainer,
  orderId: string
): Promise<OrderCollectionOutcome> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "customer_id",
      "metadata",
      "shipping_address.first_name",
      "shipping_address.last_name",
      "shipping_address.phone",
    ],
    filters: { id: orderId },
  })
  const reading = readCollectionAppointment(order?.metadata as Record<string, unknown> | null)
  // Guest orders have nobody to book for (checkout asks them to sign in first).
  if (!order?.customer_id || !reading || !("choice" in reading)) return { outcome: "none" }
  const { choice } = reading
  const address = order.shipping_address as {
    first_name?: string | null
    last_name?: string | null
    phone?: string | null
  } | null
  const name = `${address?.last_name ?? ""}${address?.first_name ?? ""}`.trim()
  try {
    const { result } = await bookAppointmentWorkflow(container).run({
      input: {
        customer_id: order.customer_id,
        site_id: choice.site_id,
        date: choice.date,
        slot: choice.slot,
        person_name: name ? name.slice(0, 40) : null,
        person_phone: normalizeCnMobile(address?.phone ?? ""),
        order_id: order.id,
        once_per_order: true,
        actor: { actor_type: "system", actor_id: null },
      },
    })
    return {
      outcome: "booked",
      appointment_id: result.id,
      already_booked: !!(result as { already_booked?: boolean }).already_booked,
    }
  } catch (error) {
    const err = error as { type?: string; message?: string }
    if (!err.type || !MEMBER_FIXABLE.has(err.type)) throw error
    return {
      outcome: "unbooked",
      customer_id: order.customer_id,
      order_id: order.id,
      order_display_id: order.display_id == null ? null : Number(order.display_id),
      choice,
      reason: err.message ?? "",
    }
  }
}
