import {
  PAYMENT_PROVIDER_IDS,
  parseCnMobile,
  toMedusaAddress,
  type Address,
  type MemberAddressInput,
  type PaymentAction,
  type TestMethod,
} from "@health/core"
import {
  CHECKOUT_PROBLEMS,
  addressProblem,
  emailProblem,
} from "@health/core/commerce/checkout-problems"
import { readCollectionPick } from "@health/core/appointments/collection-pick"
import {
  OFFLINE_PAYMENT_REFUSAL,
  offersOfflinePayment,
} from "@health/core/commerce/offline-payment"
import { storeCreditFen } from "@health/core/commerce/store-credit"
import { checkout } from "./clients"
import { isWeapp } from "./config"
import { pendingReferral } from "./referral"

/** A site and slot picked for on-site collection; slot is "YYYY-MM-DD HH:MM-HH:MM". */
export type LinePick = { siteId: string; siteName: string; slot: string }

/** One gene-test line of the cart and how its sample is taken (like the web's checkout). */
export type LineChoice = { id: string; title: string; method: TestMethod; pick: LinePick }

export type CheckoutInput = {
  email: string
  address: MemberAddressInput
  lines: LineChoice[]
  credit: { use: boolean; typed: string }
  offline: boolean
  consent: boolean
}

/** Amounts in integer fen, as the order summary shows them. */
/** The order's sums in fen; `discount` is Medusa's discount_total (coupons and promotions). */
export type OrderFen = {
  subtotal: number
  discount: number
  shipping: number
  credit: number
  total: number
}

export type CheckoutOutcome =
  | { kind: "pay"; fen: OrderFen; action: PaymentAction }
  | {
      kind: "placed"
      order: { id: string; display_id: number }
      offline: boolean
      totalFen: number
    }
  | { kind: "problem"; problem: string }

/**
 * What the form must fix before anything is sent, in the web checkout's words (core's rules):
 * email, address, consent, 线下支付 only for 岳阳 (address or a chosen collection site), a
 * site and slot for each on-site line, and a credit amount within the member's balance.
 */
export function checkoutProblem(
  input: CheckoutInput,
  context: { siteCities: (string | null | undefined)[]; available: number }
): string | null {
  const problem =
    emailProblem(input.email) ??
    addressProblem(input.address) ??
    (input.consent ? null : CHECKOUT_PROBLEMS.consent) ??
    (input.offline &&
    !offersOfflinePayment(input.address.city) &&
    !context.siteCities.some((city) => offersOfflinePayment(null, city))
      ? OFFLINE_PAYMENT_REFUSAL
      : null)
  if (problem) return problem
  for (const line of input.lines) {
    if (line.method !== "on_site") continue
    const pick = readCollectionPick(line.pick)
    if ("problem" in pick) return `「${line.title}」${pick.problem}`
  }
  const credit = storeCreditFen(input.credit.use, input.credit.typed, context.available)
  return "problem" in credit ? credit.problem : null
}

/**
 * The whole checkout in one call to commerce (POST /store/carts/:id/checkout), as the web
 * does: the member's cart, each line's test method, store credit, the share code they arrived
 * with, and WeChat Pay (JSAPI in the mini-program with the member's openid, H5 in a phone
 * browser) or 线下支付. Commerce answers the payment's next step, or the order it placed
 * (balance paid all, offline).
 */
export async function placeOrder(
  cartId: string,
  token: string,
  input: CheckoutInput,
  context: {
    available: number
    subtotalFen: number
    discountFen: number
    shippingFen: number
    openid?: string
  }
): Promise<CheckoutOutcome> {
  const credit = storeCreditFen(input.credit.use, input.credit.typed, context.available)
  if ("problem" in credit) return { kind: "problem", problem: credit.problem }
  if (isWeapp() && !context.openid) return { kind: "problem", problem: "请先用微信登录后再支付" }
  const address = {
    ...toMedusaAddress({
      ...input.address,
      phone: parseCnMobile(input.address.phone) ?? input.address.phone,
    }),
    country_code: "cn",
  } as Address
  const referral = pendingReferral()
  const answer = await checkout.checkout(
    cartId,
    {
      email: input.email.trim(),
      address: { ...address, first_name: address.first_name || address.last_name },
      lines: input.lines.map((line) => {
        const pick = line.method === "on_site" ? readCollectionPick(line.pick) : null
        return {
          line_id: line.id,
          method: line.method,
          ...(pick &&
            "choice" in pick && {
              collection: {
                site_id: pick.choice.site_id,
                date: pick.choice.date,
                slot: pick.choice.slot,
              },
            }),
        }
      }),
      store_credit_fen: credit.fen,
      ...(referral && { referral_code: referral }),
      payment: {
        provider_id: input.offline ? PAYMENT_PROVIDER_IDS.offline : PAYMENT_PROVIDER_IDS.wechatpay,
        channel: isWeapp() ? "miniprogram" : "mobile_browser",
        ...(isWeapp() && context.openid && { openid: context.openid }),
      },
      // The H5 build pays like a phone browser; finance still counts it as the mini-program's.
      ...(!isWeapp() && { client: "miniprogram_h5" as const }),
    },
    token
  )
  if ("refused" in answer) return { kind: "problem", problem: answer.refused.message }
  if (answer.order) {
    return {
      kind: "placed",
      order: answer.order,
      offline: answer.payment_action.kind === "offline",
      totalFen: answer.amount_fen,
    }
  }
  const due = context.subtotalFen - context.discountFen + context.shippingFen
  const fen = {
    subtotal: context.subtotalFen,
    discount: context.discountFen,
    shipping: context.shippingFen,
    credit: Math.max(due - answer.amount_fen, 0),
    total: answer.amount_fen,
  }
  return { kind: "pay", fen, action: answer.payment_action }
}
