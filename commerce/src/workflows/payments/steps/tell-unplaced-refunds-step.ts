import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { ICartModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PaymentUnplacedRefundedEvent } from "../../../lib/events/domain-events"
import { ONLINE_PAYMENT_PROVIDERS, paymentMethodName } from "../online-payment-providers"
import type { UnplacedRefund } from "../unplaced-refund"
import { enqueueWechatRefundFollowUp } from "./schedule-wechat-refund-check-step"

export type UnplacedCart = {
  id: string
  customer_id?: string | null
  metadata?: Record<string, unknown> | null
} | null

export type UnplacedRefundToTell = { cart: UnplacedCart; record: UnplacedRefund }

/**
 * The record of a refunded payment whose cart never became an order: on the cart (the
 * storefront reads it), in the log, and a follow-up while WeChat still processes it.
 * Records without a provider are WeChat Pay's (made before Alipay and UnionPay existed).
 * Returns the payment.unplaced_refunded events the workflow emits (the member is told once).
 */
export const tellUnplacedRefundsStep = createStep(
  "tell-unplaced-refunds",
  async (refunds: UnplacedRefundToTell[], { container }) => {
    const carts = container.resolve<ICartModuleService>(Modules.CART)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const events: PaymentUnplacedRefundedEvent[] = []
    for (const { cart, record } of refunds) {
      const provider = ONLINE_PAYMENT_PROVIDERS[record.provider_id ?? WECHATPAY_PROVIDER_ID]
      if (cart) {
        await carts.updateCarts(cart.id, {
          metadata: { ...(cart.metadata ?? {}), [provider.cartKey]: record },
        })
      }
      // WeChat's PROCESSING refunds are followed here; UnionPay's status is read by query.
      const wechat = (record.provider_id ?? WECHATPAY_PROVIDER_ID) === WECHATPAY_PROVIDER_ID
      if (wechat && record.status === "PROCESSING") {
        await enqueueWechatRefundFollowUp(container, record.out_refund_no)
      }
      logger.warn(
        `${paymentMethodName(record.provider_id)} ${record.out_trade_no} was paid but its cart ${cart?.id ?? "?"} could not be completed (${record.reason}); refunded ${record.amount} fen as ${record.out_refund_no} (${record.status})`
      )
      events.push({
        provider_id: record.provider_id ?? WECHATPAY_PROVIDER_ID,
        out_trade_no: record.out_trade_no,
        out_refund_no: record.out_refund_no,
        cart_id: cart?.id ?? null,
        customer_id: cart?.customer_id ?? null,
        amount: record.amount,
        reason: record.reason,
      })
    }
    return new StepResponse(events)
  }
)
