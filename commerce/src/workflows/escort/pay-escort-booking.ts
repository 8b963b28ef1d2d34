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
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { ESCORT_MODULE } from "../../modules/escort"
import { ESCORT_BOOKING_LINE_KEY, ESCORT_SALES_CHANNEL } from "../../modules/escort/catalogue"
import { ESCORT_BOOKING_STATUS_LABELS } from "../../modules/escort/rules/escort-booking-status"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortBookingRow } from "../../modules/escort/types"
import type { CheckoutPlan } from "../checkout/checkout-input"
import { openCheckoutPaymentStep } from "../checkout/steps/open-checkout-payment-step"
import { placeCheckoutOrderStep } from "../checkout/steps/place-checkout-order-step"
import { setCheckoutStoreCreditStep } from "../checkout/steps/set-checkout-store-credit-step"
import { escortBookingLockKey } from "./escort-booking-lock"

export type PayEscortBookingInput = {
  booking_id: string
  customer_id: string
  payment_method: { provider_id: string; channel: PaymentChannel; openid?: string | null }
  store_credit_fen: number
  client_ip: string
}

export type EscortPaymentAnswer = { action: PaymentAction; cart_id: string; amount_fen: number }

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Fen as Medusa's CNY amount in yuan, written as a decimal string (never a float). */
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`

/**
 * The kit checkout's own steps on the booking's cart: store credit, the provider's session,
 * and the order at once when nothing is left to pay online. Nothing to ship: the cart has
 * no address and no shipping method (the escort line does not require shipping).
 */
export const escortBookingPaymentWorkflow = createWorkflow(
  "escort-booking-payment",
  (plan: CheckoutPlan) => {
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
  }
)

async function chinaRegion(container: MedusaContainer) {
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

/** The booking's open cart, or a new one holding the escort variant at the booking's price. */
async function bookingCart(
  container: MedusaContainer,
  booking: EscortBookingRow,
  regionId: string
): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (booking.cart_id) {
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at"],
      filters: { id: booking.cart_id },
    })
    if (data[0]?.completed_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "该订单已支付，正在确认中，请稍后刷新")
    }
    if (data[0]) return booking.cart_id
  }
  if (!booking.variant_id) throw refuse("该订单未关联陪诊服务，请重新预约")
  const [channel] = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({ name: ESCORT_SALES_CHANNEL }, { take: 1 })
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(booking.customer_id)
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: regionId,
      sales_channel_id: channel?.id,
      customer_id: booking.customer_id,
      email: customer.email ?? undefined,
      currency_code: "cny",
      items: [
        {
          variant_id: booking.variant_id,
          quantity: 1,
          // The booking's price (base, extra hours, extras) computed when it was made.
          unit_price: yuan(Number(booking.price_fen)),
          requires_shipping: false,
          metadata: { [ESCORT_BOOKING_LINE_KEY]: booking.id },
        },
      ],
      metadata: { [ESCORT_BOOKING_LINE_KEY]: booking.id },
    },
  })
  await container.resolve<EscortModuleService>(ESCORT_MODULE).attachCart(booking.id, cart.id)
  return cart.id
}

function sessionData(input: PayEscortBookingInput): Record<string, unknown> {
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
 * `POST /store/escort-bookings/:id/pay`: the booking is paid through a Medusa cart for its
 * escort variant, with the providers and store credit of the kit checkout. The order is
 * placed by the provider's verified notification (or the sweep), or here when store credit
 * covers all; order.placed then moves the booking to 待接单. One payment of a booking at a
 * time (the lock it shares with cancelling).
 */
export async function payEscortBooking(
  container: MedusaContainer,
  input: PayEscortBookingInput
): Promise<EscortPaymentAnswer> {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const booking = await escorts.ownedBooking(input.booking_id, input.customer_id)
  return locking.execute(
    escortBookingLockKey(booking.id),
    async () => {
      const current = await escorts.ownedBooking(input.booking_id, input.customer_id)
      if (current.status !== "pending_payment") {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `订单当前为「${ESCORT_BOOKING_STATUS_LABELS[current.status]}」，不需要支付`
        )
      }
      const region = await chinaRegion(container)
      const { provider_id, channel } = input.payment_method
      // Offline payment (岳阳 only, confirmed by finance) is not offered for escort bookings.
      const offer = paymentMethodsFor({
        channel,
        registered: region.providers,
        offlineAllowed: false,
      }).find((o) => o.provider_id === provider_id)
      if (!offer) throw refuse("请选择有效的支付方式")
      if (!offer.offered) throw refuse(offer.reason)
      const session_data = sessionData(input)
      const cartId = await bookingCart(container, current, region.id)
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
        session_data,
        fingerprint: "",
      }
      // A member's first payment creates their payment account holder: one at a time.
      const { result } = await locking.execute(
        `payment-account-holder:${input.customer_id}`,
        () => escortBookingPaymentWorkflow(container).run({ input: plan }),
        { timeout: 15, expire: 120 }
      )
      return { action: result.action, cart_id: result.cart_id, amount_fen: result.amount_fen }
    },
    { timeout: 10, expire: 120 }
  )
}
