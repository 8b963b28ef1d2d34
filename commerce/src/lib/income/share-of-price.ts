/**
 * A provider's share of a price (escorts per booking, doctors per consultation):
 * `sharePercent` of the price in integer fen, rounded down to the fen (the odd fraction of a
 * fen stays with the platform, so nobody is paid more than their share).
 */
export function shareOfPriceFen(priceFen: number, sharePercent: number): number {
  if (!Number.isSafeInteger(priceFen) || priceFen < 0) {
    throw new Error(`price must be whole fen, got ${priceFen}`)
  }
  if (!Number.isInteger(sharePercent) || sharePercent < 0 || sharePercent > 100) {
    throw new Error(`share must be a whole percent 0–100, got ${sharePercent}`)
  }
  return Math.floor((priceFen * sharePercent) / 100)
}

/**
 * What is left of a share after refunding the member `refundFen` of the price: the share of
 * what the platform keeps, rounded down like the share itself (never above it).
 */
export function shareAfterRefund(
  earning: { price_fen: number; share_percent: number; amount_fen: number },
  refundFen: number
): number {
  const kept = Math.max(0, earning.price_fen - refundFen)
  return Math.min(earning.amount_fen, shareOfPriceFen(kept, earning.share_percent))
}
