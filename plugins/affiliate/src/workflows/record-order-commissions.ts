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

type OrderLine = { id: string; product_id: string | null; total: unknown }

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
        "id",
        "customer_id",
        "total",
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
    return new StepResponse({ customer_id: (order?.customer_id as string | null) ?? null, lines })
  }
)

const recordCommissionsStep = createStep(
  "affiliate-record-commissions",
  async (
    input: { order_id: string; customer_id: string | null; lines: CommissionLine[] },
    { container }
  ) => {
    if (!input.customer_id) return new StepResponse({ entries: [] })
    return new StepResponse(
      await affiliateService(container).recordOrderCommissions({
        order_id: input.order_id,
        buyer_customer_id: input.customer_id,
        lines: input.lines,
      })
    )
  }
)

/** Writes the pending commissions of a placed order. Replaying it writes nothing new. */
export const recordOrderCommissionsWorkflow = createWorkflow(
  "affiliate-record-order-commissions",
  (input: { order_id: string }) => {
    const order = orderCommissionLinesStep(input)
    return new WorkflowResponse(
      recordCommissionsStep({
        order_id: input.order_id,
        customer_id: order.customer_id,
        lines: order.lines,
      })
    )
  }
)
