import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { CommissionLine } from "../lib/commission-plan"
import { toFen } from "../lib/money"
import { productRatesFromMetadata } from "../lib/rates"
import { affiliateService } from "./steps/affiliate-service"
import { bindReferrerAtFirstOrderStep } from "./steps/bind-referrer-at-first-order"
import { ORDER_PAYMENT_FIELDS, paymentStateOf } from "./steps/order-payment-state"

type OrderLine = { id: string; product_id: string | null; total: unknown }
type Metadata = Record<string, unknown> | null | undefined

/** The share code the cart carried (the web copies its ref cookie there), if any. */
function referralCodeOf(...sources: Metadata[]): string | null {
  for (const metadata of sources) {
    const code = metadata?.referral_code
    if (typeof code === "string" && code.trim()) return code.trim().slice(0, 32)
  }
  return null
}

const EMPTY = {
  customer_id: null as string | null,
  created_at: null as Date | string | null,
  paid_at: null as Date | null,
  referral_code: null as string | null,
}

/**
 * The commission base of each line: what the buyer paid for it after discounts,
 * shipping excluded (shipping is not a line). Store credit is a way to pay, not a
 * discount, so it does not lower the base.
 */
const orderCommissionLinesStep = createStep(
  "affiliate-order-commission-lines",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      // Asking for the order total makes the order module compute line totals too.
      fields: [
        ...ORDER_PAYMENT_FIELDS,
        "metadata",
        "cart.metadata",
        "items.id",
        "items.product_id",
        "items.total",
        "items.tax_lines.*",
        "items.adjustments.*",
      ],
      filters: { id: input.order_id },
    })
    const items = (order?.items ?? []) as OrderLine[]
    const productIds = [
      ...new Set(items.map((item) => item.product_id).filter(Boolean)),
    ] as string[]
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          fields: ["id", "metadata"],
          filters: { id: productIds },
        })
      : { data: [] as { id: string; metadata: Record<string, unknown> | null }[] }
    const ratesByProduct = new Map(
      products.map((product) => [product.id, productRatesFromMetadata(product.metadata)])
    )
    const lines: CommissionLine[] = items.map((item) => ({
      line_item_id: item.id,
      product_id: item.product_id,
      paid: toFen(item.total as number),
      rates_bp: item.product_id ? ratesByProduct.get(item.product_id) : null,
    }))
    if (!order) return new StepResponse({ ...EMPTY, lines })
    const payment = paymentStateOf(order as never)
    const cart = (order as { cart?: { metadata?: Metadata } | null }).cart
    return new StepResponse({
      customer_id: payment.customer_id,
      created_at: order.created_at as Date | string,
      // A cancelled order is never paid; its commissions are reversed on cancellation.
      paid_at: payment.status === "canceled" ? null : payment.paid_at,
      referral_code: referralCodeOf(order.metadata as Metadata, cart?.metadata),
      lines,
    })
  }
)

const recordCommissionsStep = createStep(
  "affiliate-record-commissions",
  async (
    input: {
      order_id: string
      customer_id: string | null
      lines: CommissionLine[]
      paid_at: Date | null
    },
    { container }
  ) => {
    if (!input.customer_id) return new StepResponse({ entries: [] })
    return new StepResponse(
      await affiliateService(container).recordOrderCommissions({
        order_id: input.order_id,
        buyer_customer_id: input.customer_id,
        lines: input.lines,
        paid_at: input.paid_at,
      })
    )
  }
)

/**
 * A placed order: binds the buyer to the referral code it carries if this is their first
 * order, then writes the pending commissions (paid at once for WeChat Pay, later for an
 * offline payment). Replaying it writes nothing new.
 */
export const recordOrderCommissionsWorkflow = createWorkflow(
  "affiliate-record-order-commissions",
  (input: { order_id: string }) => {
    const order = orderCommissionLinesStep(input)
    bindReferrerAtFirstOrderStep({
      order_id: input.order_id,
      customer_id: order.customer_id,
      created_at: order.created_at,
      referral_code: order.referral_code,
    })
    return new WorkflowResponse(
      recordCommissionsStep({
        order_id: input.order_id,
        customer_id: order.customer_id,
        lines: order.lines,
        paid_at: order.paid_at,
      })
    )
  }
)
