import type { LedgerQueryType } from "../../../validators"

/** The ledger filters staff use: member, product, order and period. */
export function ledgerFilters(query: LedgerQueryType) {
  return {
    ...(query.affiliate_id && { affiliate_id: query.affiliate_id }),
    ...(query.product_id && { product_id: query.product_id }),
    ...(query.order_id && { order_id: query.order_id }),
    ...((query.from || query.to) && {
      created_at: {
        ...(query.from && { $gte: query.from }),
        ...(query.to && { $lte: query.to }),
      },
    }),
  }
}
