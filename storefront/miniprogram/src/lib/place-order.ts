import {
  parseCnMobile,
  toFen,
  toMedusaAddress,
  type Address,
  type MemberAddressInput,
  type WechatPaymentData,
} from "@health/core"
import {
  CHECKOUT_PROBLEMS,
  addressProblem,
  emailProblem,
} from "@health/core/commerce/checkout-problems"
import { placeUnpaidOrder, prepareCartForPayment } from "@health/core/commerce/checkout-steps"
import { readCollectionPick } from "@health/core/appointments/collection-pick"
import {
  OFFLINE_PAYMENT_REFUSAL,
  offersOfflinePayment,
} from "@health/core/commerce/offline-payment"
import { storeCreditFen } from "@health/core/commerce/store-credit"
import { appointments, checkout } from "./clients"
import { startPayment } from "./payment"
import { bindPendingReferral } from "./referral"

export type CheckoutInput = {
  email: string
  address: MemberAddressInput
  shippingOptionId: string
  /** Read only when the shipping option is 采集点现场采集; slot is "YYYY-MM-DD HH:MM-HH:MM". */
  collection: { siteId: string; siteName: string; slot: string }
  credit: { use: boolean; typed: string }
  offline: boolean
  consent: boolean
}

/** Amounts in integer fen, as the order summary shows them. */
export type OrderFen = { subtotal: number; shipping: number; credit: number; total: number }

export type CheckoutOutcome =
  | { kind: "pay"; fen: OrderFen; payment: WechatPaymentData }
  | {
      kind: "placed"
      order: { id: string; display_id: number }
      offline: boolean
      totalFen: number
    }
  | { kind: "problem"; problem: string }

/**
 * What the form must fix before anything is sent, in the web checkout's words (core's rules):
 * email, address, consent, 线下支付 only for 岳阳 (address or collection site), a site and slot for on-site collection, and
 * a credit amount within the member's balance.
 */
export function checkoutProblem(
  input: CheckoutInput,
  context: { onSite: boolean; siteCity?: string | null; available: number }
): string | null {
  const problem =
    emailProblem(input.email) ??
    addressProblem(input.address) ??
    (input.consent ? null : CHECKOUT_PROBLEMS.consent) ??
    (input.offline && !offersOfflinePayment(input.address.city, context.siteCity)
      ? OFFLINE_PAYMENT_REFUSAL
      : null)
  if (problem) return problem
  if (context.onSite) {
    const pick = readCollectionPick(input.collection)
    if ("problem" in pick) return pick.problem
  }
  const credit = storeCreditFen(input.credit.use, input.credit.typed, context.available)
  return "problem" in credit ? credit.problem : null
}

/**
 * The web's checkout steps, from core: the cart becomes the member's, the referrer they
 * arrived with is bound (first order), then contact and address, the shipping option (with
 * the collection slot for on-site collection) and store credit. An order the balance pays in
 * full, or one paid offline (岳阳), is placed at once; anything else opens WeChat Pay on this
 * runtime's channel.
 */
export async function placeOrder(
  cartId: string,
  token: string,
  input: CheckoutInput,
  available: number,
  openid?: string
): Promise<CheckoutOutcome> {
  const credit = storeCreditFen(input.credit.use, input.credit.typed, available)
  if ("problem" in credit) return { kind: "problem", problem: credit.problem }
  await checkout.claimCart(cartId, token)
  await bindPendingReferral(token)
  const address = {
    ...toMedusaAddress({
      ...input.address,
      phone: parseCnMobile(input.address.phone) ?? input.address.phone,
    }),
    country_code: "cn",
  } as Address
  const prepared = await prepareCartForPayment(
    { checkout, appointments },
    cartId,
    {
      email: input.email.trim(),
      address,
      shippingOptionId: input.shippingOptionId,
      collection: readCollectionPick(input.collection),
      creditFen: credit.fen,
    },
    token
  )
  if ("problem" in prepared) return { kind: "problem", problem: prepared.problem }
  const total = prepared.total ?? 0
  if (total === 0 || input.offline) {
    const placed = await placeUnpaidOrder(checkout, cartId, { offline: total !== 0 }, token)
    if ("problem" in placed) return { kind: "problem", problem: placed.problem }
    return { kind: "placed", order: placed.order, offline: total !== 0, totalFen: toFen(total) }
  }
  const payment = await startPayment(cartId, token, openid)
  const { cart } = await checkout.wechatSession(cartId, token)
  return {
    kind: "pay",
    payment,
    fen: {
      subtotal: toFen(cart.item_subtotal),
      shipping: toFen(cart.shipping_total),
      credit: prepared.creditFen,
      total: toFen(cart.total),
    },
  }
}
