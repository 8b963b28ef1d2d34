import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { CollectionAppointmentChoice } from "../../modules/appointment/rules/collection-appointment"
import {
  collectionGroups,
  type CollectionGroup,
} from "../../modules/appointment/rules/line-test-method"
import { testMethodsOf } from "../../modules/appointment/rules/test-methods-of"
import { normalizeCnMobile } from "../../lib/phone/normalize-cn-mobile"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import { bookAppointmentWorkflow } from "./book-appointment"

export type CollectionBooking =
  | {
      outcome: "booked"
      appointment_id: string
      already_booked: boolean
      choice: CollectionAppointmentChoice
      /** The order lines (gene tests) sampled at this appointment, and their people. */
      line_item_ids: string[]
      people: number
    }
  | {
      outcome: "unbooked"
      choice: CollectionAppointmentChoice
      line_item_ids: string[]
      people: number
      reason: string
    }

export type OrderCollectionOutcome =
  | { outcome: "none" }
  | {
      outcome: "handled"
      customer_id: string
      order_id: string
      order_display_id: number | null
      bookings: CollectionBooking[]
    }

/** Refusals the member can fix by choosing another slot; anything else is retried. */
const MEMBER_FIXABLE = new Set<string>([
  MedusaError.Types.CONFLICT,
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.NOT_FOUND,
])

type Existing = { id: string; site_id: string; date: string; slot: string }

/**
 * Which groups already have their appointment: the one at the same site, day and slot, else
 * one left at the same site (the member moved it since; a move keeps the site). A retried
 * job or a replayed event so books only what is missing.
 */
function matchExisting(groups: CollectionGroup[], existing: Existing[]) {
  const left = [...existing]
  const take = (found: Existing | undefined) => {
    if (found) left.splice(left.indexOf(found), 1)
    return found
  }
  const exact = groups.map((g) =>
    take(
      left.find(
        (a) =>
          a.site_id === g.choice.site_id && a.date === g.choice.date && a.slot === g.choice.slot
      )
    )
  )
  return exact.map(
    (found, i) => found ?? take(left.find((a) => a.site_id === groups[i].choice.site_id))
  )
}

/**
 * Books the collection slots chosen at checkout for the buyer, with the order's id, through
 * the same workflow a member's own booking takes: one appointment per site, day and slot
 * (lines picked for the same place and time share it). However often this runs, each gets
 * one. When a slot filled up (or passed, or the site closed) since checkout, that one is
 * not booked and the caller tells the member; an unreachable CMS throws, so the job is retried.
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
      "items.id",
      "items.title",
      "items.quantity",
      // An order line's quantity is read through its detail.
      "items.detail.quantity",
      "items.metadata",
      "items.product_id",
      "items.product_title",
      "shipping_methods.shipping_option_id",
      "shipping_address.first_name",
      "shipping_address.last_name",
      "shipping_address.phone",
    ],
    filters: { id: orderId },
  })
  // Guest orders have nobody to book for (checkout asks them to sign in first).
  if (!order?.customer_id) return { outcome: "none" }
  const methods = await testMethodsOf(container, {
    items: (order.items ?? []) as never,
    shipping_option_ids: (order.shipping_methods ?? [])
      .map((method: { shipping_option_id?: string | null } | null) => method?.shipping_option_id)
      .filter(Boolean) as string[],
    metadata: order.metadata as Record<string, unknown> | null,
  })
  const groups = "lines" in methods ? collectionGroups(methods.lines) : []
  if (!groups.length) return { outcome: "none" }

  const existing =
    groups.length > 1
      ? ((await container
          .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
          .listAppointments({ order_id: order.id })) as unknown as Existing[])
      : []
  const matched = matchExisting(groups, existing)
  const address = order.shipping_address as {
    first_name?: string | null
    last_name?: string | null
    phone?: string | null
  } | null
  const name = `${address?.last_name ?? ""}${address?.first_name ?? ""}`.trim()
  const bookings: CollectionBooking[] = []
  for (const [i, group] of groups.entries()) {
    const { choice } = group
    const about = {
      choice,
      line_item_ids: group.lines.map((l) => l.line_item_id),
      people: group.people,
    }
    const found = matched[i]
    if (found) {
      bookings.push({ outcome: "booked", appointment_id: found.id, already_booked: true, ...about })
      continue
    }
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
          // One slot: the order's one appointment, found under the order's lock if it exists.
          once_per_order: groups.length === 1,
          actor: { actor_type: "system", actor_id: null },
        },
      })
      bookings.push({
        outcome: "booked",
        appointment_id: result.id,
        already_booked: !!(result as { already_booked?: boolean }).already_booked,
        ...about,
      })
    } catch (error) {
      const err = error as { type?: string; message?: string }
      if (!err.type || !MEMBER_FIXABLE.has(err.type)) throw error
      bookings.push({ outcome: "unbooked", reason: err.message ?? "", ...about })
    }
  }
  return {
    outcome: "handled",
    customer_id: order.customer_id,
    order_id: order.id,
    order_display_id: order.display_id == null ? null : Number(order.display_id),
    bookings,
  }
}
