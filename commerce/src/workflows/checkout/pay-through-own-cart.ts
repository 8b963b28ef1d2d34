import {
  PAYMENT_PROVIDER_IDS,
  paymentMethodsFor,
  WECHATPAY_CHANNEL_BY_PLACE,
  type PaymentAction,
  type PaymentChannel,
} from "@health/contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CheckoutPlan } from "./checkout-input"
import { openCheckoutPaymentStep } from "./steps/open-checkout-payment-step"
import { placeCheckoutOrderStep } from "./steps/place-checkout-order-step"
import { setCheckoutStoreCreditStep } from "./steps/set-checkout-store-credit-step"

/**
 * Paying for something booked outside the shop (an escort booking, a consultation) through a
 * Medusa cart of its own: the kit checkout's providers and store credit, no shipping.
 */

export type OwnCartPaymentMethod = {
  provider_id: string
  channel: PaymentChannel
  openid?: string | null
}

export type OwnCartPaymentInput = {
  customer_id: string
  payment_method: OwnCartPaymentMethod
  store_credit_fen: number
  client_ip: string
}

export type OwnCartPaymentAnswer = { action: PaymentAction; cart_id: string; amount_fen: number }

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Fen as Medusa's CNY amount in yuan, written as a decimal string (never a float). */
export const yuan = (fen: number) =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`

/**
 * The kit checkout's own steps on the cart: store credit, the provider's session, and the
 * order at once when nothing is left to pay online.
 */
export const ownCartPaymentWorkflow = createWorkflow("own-cart-payment", (plan: CheckoutPlan) => {
  setCheckoutStoreCreditStep(plan)
  const payment = openCheckoutPaymentStep(plan)
  const order = placeCheckoutOrderStep(
    transform({ plan, payment }, ({ plan, payment }) => ({ cart_id: plan.cart_id, payment }))
  )
  return new WorkflowResponse(
    transform({ plan, payment, order }, ({ plan, payment, order }) => ({
      cart_id: plan.cart_id,
      action: payment.action,
      amount_fen: payment.amount_fen,
      order_id: order?.id ?? null,
    }))
  )
})

/** The China (CNY) region and its enabled payment providers. */
export async function chinaRegion(container: MedusaContainer) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "region",
    fields: ["id", "payment_providers.id", "payment_providers.is_enabled"],
    filters: { currency_code: "cny" },
  })
  const region = data[0] as
    | { id: string; payment_providers?: ({ id: string; is_enabled?: boolean } | null)[] }
    | undefined
  if (!region) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "暂不支持在线支付")
  const providers = (region.payment_providers ?? [])
    .filter((p) => p && p.is_enabled !== false)
    .map((p) => p!.id)
  return { id: region.id, providers }
}

/** What the provider's session needs for the payer's place (WeChat: its channel and openid). */
export function paymentSessionData(input: OwnCartPaymentInput): Record<string, unknown> {
  const { provider_id, channel, openid } = input.payment_method
  if (provider_id !== PAYMENT_PROVIDER_IDS.wechatpay) {
    return { channel, place: channel, client_ip: input.client_ip }
  }
  // WeChat's browser without the payer's openid: the Native QR code (as the kit checkout).
  const wechatChannel =
    channel === "wechat_browser" && !openid ? "native" : WECHATPAY_CHANNEL_BY_PLACE[channel]
  if (wechatChannel === "jsapi" && !openid) throw refuse("微信内支付需要 openid，请重新登录")
  return {
    channel: wechatChannel,
    place: channel,
    client_ip: input.client_ip,
    ...(wechatChannel === "jsapi" && {
      openid,
      app: channel === "miniprogram" ? "mini_program" : "official_account",
    }),
  }
}

/**
 * Pays through the cart `cartFor` answers (it opens one or returns the open one). Offline
 * payment (岳阳 only, confirmed by finance) is not offered here. The caller holds its own lock.
 */
export async function payThroughOwnCart(
  container: MedusaContainer,
  input: OwnCartPaymentInput & { cartFor: (regionId: string) => Promise<string> }
): Promise<OwnCartPaymentAnswer> {
  const region = await chinaRegion(container)
  const { provider_id, channel } = input.payment_method
  const offer = paymentMethodsFor({
    channel,
    registered: region.providers,
    offlineAllowed: false,
  }).find((o) => o.provider_id === provider_id)
  if (!offer) throw refuse("请选择有效的支付方式")
  if (!offer.offered) throw refuse(offer.reason)
  const session_data = paymentSessionData(input)
  const cartId = await input.cartFor(region.id)
  const plan: CheckoutPlan = {
    cart_id: cartId,
    customer_id: input.customer_id,
    email: "",
    address: {} as CheckoutPlan["address"],
    lines: [],
    mailed: false,
    store_credit_fen: input.store_credit_fen,
    referral_code: null,
    provider_id,
    channel,
    client: null,
    session_data,
    fingerprint: "",
  }
  // A member's first payment creates their payment account holder: one at a time.
  const { result } = await container
    .resolve(Modules.LOCKING)
    .execute(
      `payment-account-holder:${input.customer_id}`,
      () => ownCartPaymentWorkflow(container).run({ input: plan }),
      { timeout: 15, expire: 120 }
    )
  return { action: result.action, cart_id: result.cart_id, amount_fen: result.amount_fen }
}
