import { planCommissions } from "./commission-plan"
import { productRatesFromMetadata } from "./rates"

/**
 * "分享赚 ¥x": what a distributor earns at level 1 when someone they shared a product
 * with buys it at `priceFen`, planned exactly as the ledger plans an order's
 * commissions (the product's own rate first, fen rounded down).
 */
export function shareEarningFen(
  priceFen: number,
  productMetadata: Record<string, unknown> | null | undefined,
  programmeRatesBp: number[]
): { amount_fen: number; rate_bp: number } {
  const productRates = productRatesFromMetadata(productMetadata)
  const [planned] = planCommissions({
    upline: [{ affiliate_id: "sharer", status: "distributor" }],
    rates_bp: programmeRatesBp,
    lines: [{ line_item_id: "shared", product_id: null, paid: priceFen, rates_bp: productRates }],
  })
  return {
    amount_fen: planned?.amount ?? 0,
    rate_bp: planned?.rate_bp ?? productRates?.[0] ?? programmeRatesBp[0] ?? 0,
  }
}
