import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ONLINE_PAYMENT_PROVIDER_IDS, ONLINE_PAYMENT_PROVIDERS } from "../online-payment-providers"
import type { UnplacedRefund } from "../unplaced-refund"
import type { UnplacedCart } from "./tell-unplaced-refunds-step"

/** The note Medusa's compensatePaymentIfNeededStep gives the refund it makes. */
const COMPLETION_FAILURE_NOTE = "Refunded due to cart completion failure"

type PaymentData = Record<string, unknown>

type PaymentRow = {
  id: string
  provider_id: string
  data: PaymentData | null
  refunds?: { note?: string | null }[]
  payment_collection?: { cart?: UnplacedCart } | null
}

export type RefundedUnplacedPayment = {
  payment_id: string
  data: PaymentData
  cart: UnplacedCart
  record: UnplacedRefund
}

/**
 * Online payments (WeChat Pay, Alipay, UnionPay) since `since` that Medusa's compensation
 * refunded after a failed completion, whose cart has no order and which are not yet marked:
 * with the record to keep.
 */
export const findRefundedUnplacedPaymentsStep = createStep(
  "find-refunded-unplaced-payments",
  async ({ since }: { since: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "payment",
      fields: [
        "id",
        "provider_id",
        "data",
        "refunds.note",
        "payment_collection.cart.id",
        "payment_collection.cart.customer_id",
        "payment_collection.cart.metadata",
      ],
      filters: {
        provider_id: ONLINE_PAYMENT_PROVIDER_IDS,
        created_at: { $gte: new Date(since) },
      },
    })
    const found: RefundedUnplacedPayment[] = []
    for (const payment of data as unknown as PaymentRow[]) {
      const paymentData = payment.data ?? {}
      const { out_trade_no, refunds } =
        ONLINE_PAYMENT_PROVIDERS[payment.provider_id].read(paymentData)
      if (paymentData.unplaced_refund || !out_trade_no) continue
      if (!payment.refunds?.some((refund) => refund.note === COMPLETION_FAILURE_NOTE)) continue
      const cart = payment.payment_collection?.cart ?? null
      if (cart && (await hasOrder(container, cart.id))) continue
      // Medusa writes its refund row before asking the provider and the provider's answer
      // after: until that answer is on the payment, look again next time.
      if (!refunds.length) continue
      found.push({
        payment_id: payment.id,
        data: paymentData,
        cart,
        record: {
          provider_id: payment.provider_id,
          out_trade_no,
          out_refund_no: refunds[0].out_refund_no,
          refund_id: refunds[0].refund_id,
          amount: refunds.reduce((sum, refund) => sum + refund.amount, 0),
          status: refunds[0].status,
          // Medusa keeps the completion's error in its workflow log, not on the payment.
          reason: "订单校验未通过",
          refunded_at: new Date().toISOString(),
        },
      })
    }
    return new StepResponse(found)
  }
)

async function hasOrder(container: MedusaContainer, cartId: string): Promise<boolean> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cartId },
  })
  return data.length > 0
}
