import {
  isOnSiteCollection,
  type CollectionAppointmentChoice,
} from "../appointments/collection-choice"
import { COLLECTION_SIGN_IN_PROBLEM, collectionSlotProblem } from "../appointments/collection-pick"
import { toFen } from "../format"
import type { AppointmentsClient } from "./appointments-client"
import { OFFLINE_PROVIDER_ID, type CheckoutClient } from "./checkout-client"
import type { Address, ShippingOption } from "./checkout-types"

export type CheckoutClients = {
  checkout: CheckoutClient
  appointments: Pick<AppointmentsClient, "availability">
}

export type CheckoutDetails = {
  email: string
  address: Address
  /** The shipping option picked; mail-in when it is missing or no longer offered. */
  shippingOptionId?: string
  /** The site and slot picked for on-site collection (or why there is none); read only then. */
  collection: { choice: CollectionAppointmentChoice } | { problem: string }
  /** Fen of the member's balance to spend; trimmed to what the order costs. */
  creditFen: number
}

export type PreparedCart = {
  /** What is left to pay in yuan after store credit; null for a guest (not asked). */
  total: number | null
  /** Fen of the member's balance the cart uses. */
  creditFen: number
  shipping: ShippingOption
  collection: CollectionAppointmentChoice | null
}

const problem = (text: string) => ({ problem: text })

/**
 * The checkout steps both storefronts take before payment, in order: contact and address,
 * the shipping option (采集点现场采集 re-checks its slot and keeps it on the cart for
 * commerce to book once the order is placed), then store credit for a member. The cart must
 * already be the member's (`claimCart`). Refusals the shopper can fix come back as
 * `problem`; a back end's own refusal is thrown as its ApiError.
 */
export async function prepareCartForPayment(
  { checkout, appointments }: CheckoutClients,
  cartId: string,
  details: CheckoutDetails,
  token?: string
): Promise<PreparedCart | { problem: string }> {
  await checkout.setContactAndAddress(
    cartId,
    { email: details.email, address: details.address },
    token
  )
  const options = await checkout.shippingOptions(cartId)
  const shipping =
    options.find((o) => o.id === details.shippingOptionId) ??
    options.find((o) => !isOnSiteCollection(o)) ??
    options[0]
  if (!shipping) return problem("该地址暂不支持配送，请更换地址")
  let collection: CollectionAppointmentChoice | null = null
  if (isOnSiteCollection(shipping)) {
    if (!token) return problem(COLLECTION_SIGN_IN_PROBLEM)
    if ("problem" in details.collection) return details.collection
    // Checked again just before paying; commerce books it when the order is placed.
    const { choice } = details.collection
    const availability = await appointments.availability(token, choice.site_id, {
      from: choice.date,
      days: 1,
    })
    const taken = collectionSlotProblem(availability, choice)
    if (taken) return problem(taken)
    collection = { ...choice, site_name: availability.site.name }
  }
  await checkout.chooseShipping(cartId, shipping.id, token)
  // Always written, so a slot chosen before switching to mail-in is not booked.
  await checkout.setCollectionAppointment(cartId, collection, token)
  if (!token) return { total: null, creditFen: 0, shipping, collection }
  // Starts from no credit, so a changed mind or a changed total never leaves a stale one.
  const { total } = await checkout.setStoreCredit(cartId, 0, token)
  const creditFen = Math.min(Math.max(details.creditFen, 0), toFen(total))
  if (creditFen === 0) return { total, creditFen, shipping, collection }
  const credited = await checkout.setStoreCredit(cartId, creditFen / 100, token)
  return { total: credited.total, creditFen, shipping, collection }
}

/**
 * Places an order that needs no online payment: one the balance paid in full, or 线下支付
 * (`offline`), which staff confirm later.
 */
export async function placeUnpaidOrder(
  checkout: CheckoutClient,
  cartId: string,
  { offline }: { offline: boolean },
  token?: string
): Promise<{ order: { id: string; display_id: number } } | { problem: string }> {
  if (offline) await checkout.startPayment(cartId, OFFLINE_PROVIDER_ID, {}, token)
  const result = await checkout.complete(cartId, token)
  if (result.type !== "order") return problem(result.error?.message ?? "下单失败，请稍后重试")
  return { order: result.order }
}
