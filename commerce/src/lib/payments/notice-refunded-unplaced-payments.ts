import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { tellUnplacedRefund, type UnplacedRefund } from "./refund-unplaced-wechat-payment"

/** The note Medusa's compensatePaymentIfNeededStep gives the refund it makes. */
const COMPLETION_FAILURE_NOTE = "Refunded due to cart completion failure"

const WECHATPAY = "pp_wechatpay_wechatpay"

type RefundEntry = { out_refund_no: string; refund_id?: string; amount: number; status: string }

type PaymentRow = {
  id: string
  data: (Record<string, unknown> & { out_trade_no?: string; refunds?: RefundEntry[] }) | null
  refunds?: { note?: string | null }[]
  payment_collection?: {
    cart?: {
      id: string
      customer_id?: string | null
      metadata?: Record<string, unknown> | null
    } | null
  } | null
}

/**
 * When WeChat's callback completes a cart and the completion fails, Medusa's own
 * compensation refunds the captured payment (and opens a fresh session), silently. This
 * finds such payments of the last two days and records and tells what happened, as the
 * poller does for the refunds it makes itself; a payment is marked so it is told once.
 */
export async function noticeRefundedUnplacedPayments(
  container: MedusaContainer,
  now = new Date()
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: [
      "id",
      "data",
      "refunds.note",
      "payment_collection.cart.id",
      "payment_collection.cart.customer_id",
      "payment_collection.cart.metadata",
    ],
    filters: {
      provider_id: WECHATPAY,
      created_at: { $gte: new Date(now.getTime() - 2 * 24 * 3600_000) },
    },
  })
  const noticed: string[] = []
  for (const payment of data as unknown as PaymentRow[]) {
    const paymentData = payment.data ?? {}
    if (paymentData.unplaced_refund || !paymentData.out_trade_no) continue
    if (!payment.refunds?.some((refund) => refund.note === COMPLETION_FAILURE_NOTE)) continue
    const cart = payment.payment_collection?.cart ?? null
    if (cart && (await hasOrder(container, cart.id))) continue
    // Medusa writes its refund row before asking WeChat and the provider's answer after:
    // until that answer is on the payment, look again next time.
    const refunds = paymentData.refunds ?? []
    if (!refunds.length) continue
    const record: UnplacedRefund = {
      out_trade_no: paymentData.out_trade_no,
      out_refund_no: refunds[0].out_refund_no,
      refund_id: refunds[0].refund_id ?? null,
      amount: refunds.reduce((sum, refund) => sum + refund.amount, 0),
      status: refunds[0].status as UnplacedRefund["status"],
      // Medusa keeps the completion's error in its workflow log, not on the payment.
      reason: "订单校验未通过",
      refunded_at: new Date().toISOString(),
    }
    // The module writes data as given; its DTO type only lists the other fields.
    await container.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePayment({
      id: payment.id,
      data: { ...paymentData, unplaced_refund: record },
    } as Parameters<IPaymentModuleService["updatePayment"]>[0])
    await tellUnplacedRefund(container, cart, record)
    noticed.push(record.out_trade_no)
  }
  return noticed
}

async function hasOrder(container: MedusaContainer, cartId: string): Promise<boolean> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order_cart",
    fields: ["order_id"],
    filters: { cart_id: cartId },
  })
  return data.length > 0
}
