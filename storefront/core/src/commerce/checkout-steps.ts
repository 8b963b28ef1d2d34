import type { CollectionAppointmentChoice, TestMethod } from "@health/contracts"
import { isOnSiteCollection } from "../appointments/collection-choice"
import { COLLECTION_SIGN_IN_PROBLEM, collectionSlotProblem } from "../appointments/collection-pick"
import type { LineTestChoice } from "../appointments/test-method"
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
  /**
   * The test method of each gene-test line (寄送采样盒 or 采集点现场采集 with its site and
   * slot). When given, the shipping option follows from it and the two fields below are unused.
   */
  lines?: LineTestInput[]
  /** One method for the whole cart (older clients): the shipping option picked. */
  shippingOptionId?: string
  /** The site and slot picked for on-site collection (or why there is none); read only then. */
  collection?: { choice: CollectionAppointmentChoice } | { problem: string }
  /** Fen of the member's balance to spend; trimmed to what the order costs. */
  creditFen: number
}

/** One gene-test line of the cart and the method the shopper picked for it. */
export type LineTestInput = {
  line: { id: string; quantity: number; title: string }
  method: TestMethod
  /** For 采集点现场采集: the site and slot picked, or why there is none. */
  collection?: { choice: CollectionAppointmentChoice } | { problem: string }
}

export type PreparedCart = {
  /** What is left to pay in yuan after store credit; null for a guest (not asked). */
  total: number | null
  /** Fen of the member's balance the cart uses. */
  creditFen: number
  shipping: ShippingOption
  /** The cart-wide slot (older clients); null with per-line choices. */
  collection: CollectionAppointmentChoice | null
  /** Each gene-test line's method as kept on the cart (empty for older clients). */
  lines: { id: string; title: string; choice: LineTestChoice }[]
}

const problem = (text: string) => ({ problem: text })

type ChosenLines = { id: string; quantity: number; title: string; choice: LineTestChoice }[]

/**
 * Checks each line's pick: on-site lines need a member, a site and a slot that still has a
 * place; one member cannot be at two sites in the same slot. Availability is read once per
 * site and day.
 */
async function checkLineChoices(
  appointments: CheckoutClients["appointments"],
  lines: LineTestInput[],
  token: string | undefined
): Promise<ChosenLines | { problem: string }> {
  const chosen: ChosenLines = []
  const days = new Map<string, ReturnType<CheckoutClients["appointments"]["availability"]>>()
  for (const { line, method, collection } of lines) {
    const { id, quantity, title } = line
    if (method === "mail_in") {
      chosen.push({ id, quantity, title, choice: { method } })
      continue
    }
    if (!token) return problem(COLLECTION_SIGN_IN_PROBLEM)
    const pick = collection ?? problem("请选择现场采集的采集点")
    if ("problem" in pick) return problem(`「${title}」${pick.problem}`)
    const { choice } = pick
    const key = `${choice.site_id} ${choice.date}`
    if (!days.has(key)) {
      days.set(
        key,
        appointments.availability(token, choice.site_id, { from: choice.date, days: 1 })
      )
    }
    const availability = await days.get(key)!
    const taken = collectionSlotProblem(availability, choice)
    if (taken) return problem(`「${title}」${taken}`)
    const clash = chosen.find(
      (c) =>
        c.choice.method === "on_site" &&
        c.choice.collection.date === choice.date &&
        c.choice.collection.slot === choice.slot &&
        c.choice.collection.site_id !== choice.site_id
    )
    if (clash) {
      return problem(
        `「${clash.title}」和「${title}」选了同一时段的不同采集点，同一时段只能在一个采集点采样，请改选同一采集点或其他时段`
      )
    }
    const collectionChoice = { ...choice, site_name: availability.site.name }
    chosen.push({ id, quantity, title, choice: { method, collection: collectionChoice } })
  }
  return chosen
}

/**
 * The checkout steps both storefronts take before payment, in order: contact and address,
 * each gene-test line's test method (采集点现场采集 re-checks its slot; commerce books it
 * once the order is placed) with the shipping option that follows from them, then store
 * credit for a member. The cart must already be the member's (`claimCart`). Refusals the
 * shopper can fix come back as `problem`; a back end's own refusal is thrown as its ApiError.
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
  const options = await checkout.shippingOptions(cartId, token)
  let shipping: ShippingOption | undefined
  let collection: CollectionAppointmentChoice | null = null
  let lines: ChosenLines = []
  if (details.lines) {
    const checked = await checkLineChoices(appointments, details.lines, token)
    if ("problem" in checked) return checked
    lines = checked
    // A kit goes by post only when some line is mail-in; otherwise nothing is shipped.
    const mailIn = lines.some((l) => l.choice.method === "mail_in") || !lines.length
    shipping = options.find((o) => isOnSiteCollection(o) !== mailIn)
    if (!shipping) {
      return problem(
        mailIn ? "该地址暂不支持配送，请更换地址" : "暂不支持现场采集，请选择寄送采样盒"
      )
    }
  } else {
    shipping =
      options.find((o) => o.id === details.shippingOptionId) ??
      options.find((o) => !isOnSiteCollection(o)) ??
      options[0]
    if (!shipping) return problem("该地址暂不支持配送，请更换地址")
    if (isOnSiteCollection(shipping)) {
      if (!token) return problem(COLLECTION_SIGN_IN_PROBLEM)
      const pick = details.collection ?? problem("请选择现场采集的采集点")
      if ("problem" in pick) return pick
      // Checked again just before paying; commerce books it when the order is placed.
      const { choice } = pick
      const availability = await appointments.availability(token, choice.site_id, {
        from: choice.date,
        days: 1,
      })
      const taken = collectionSlotProblem(availability, choice)
      if (taken) return problem(taken)
      collection = { ...choice, site_name: availability.site.name }
    }
  }
  await checkout.chooseShipping(cartId, shipping.id, token)
  for (const line of lines) {
    await checkout.setLineTestChoice(cartId, line, line.choice, token)
  }
  // Always written, so a slot chosen before (or by an older client) is not booked.
  await checkout.setCollectionAppointment(cartId, collection, token)
  const done = {
    shipping,
    collection,
    lines: lines.map(({ id, title, choice }) => ({ id, title, choice })),
  }
  if (!token) return { total: null, creditFen: 0, ...done }
  // Starts from no credit, so a changed mind or a changed total never leaves a stale one.
  const { total } = await checkout.setStoreCredit(cartId, 0, token)
  const creditFen = Math.min(Math.max(details.creditFen, 0), toFen(total))
  if (creditFen === 0) return { total, creditFen, ...done }
  const credited = await checkout.setStoreCredit(cartId, creditFen / 100, token)
  return { total: credited.total, creditFen, ...done }
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
): Promise<
  { order: { id: string; display_id: number }; accessToken?: string } | { problem: string }
> {
  if (offline) await checkout.startPayment(cartId, OFFLINE_PROVIDER_ID, {}, token)
  const result = await checkout.complete(cartId, token)
  if (result.type !== "order") return problem(result.error?.message ?? "下单失败，请稍后重试")
  return { order: result.order, accessToken: result.order_access_token }
}
