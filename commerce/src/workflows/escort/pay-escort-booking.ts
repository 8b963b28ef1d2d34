import type { PaymentAction, PaymentChannel } from "@health/contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { ESCORT_MODULE } from "../../modules/escort"
import { ESCORT_BOOKING_LINE_KEY, ESCORT_SALES_CHANNEL } from "../../modules/escort/catalogue"
import { ESCORT_BOOKING_STATUS_LABELS } from "../../modules/escort/rules/escort-booking-status"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortBookingRow } from "../../modules/escort/types"
import { payThroughOwnCart, yuan } from "../checkout/pay-through-own-cart"
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

/**
 * `POST /store/escort-bookings/:id/pay`: the booking is paid through a Medusa cart for its
 * escort variant, with the providers and store credit of the kit checkout (see
 * checkout/pay-through-own-cart.ts). The order is placed by the provider's verified
 * notification (or the sweep), or here when store credit covers all; order.placed then moves
 * the booking to 待接单. One payment of a booking at a time (the lock it shares with cancelling).
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
      return payThroughOwnCart(container, {
        customer_id: input.customer_id,
        payment_method: input.payment_method,
        store_credit_fen: input.store_credit_fen,
        client_ip: input.client_ip,
        cartFor: (regionId) => bookingCart(container, current, regionId),
      })
    },
    { timeout: 10, expire: 120 }
  )
}
