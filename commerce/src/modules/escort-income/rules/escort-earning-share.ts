/**
 * The escort's earning for a booking: `share_percent` of the price, in integer fen,
 * rounded down to the fen (the odd fraction of a fen stays with the platform, so the
 * escort is never paid more than their share).
 */
export function escortEarningFen(priceFen: number, sharePercent: number): number {
  if (!Number.isSafeInteger(priceFen) || priceFen < 0) {
    throw new Error(`price must be whole fen, got ${priceFen}`)
  }
  if (!Number.isInteger(sharePercent) || sharePercent < 0 || sharePercent > 100) {
    throw new Error(`share must be a whole percent 0–100, got ${sharePercent}`)
  }
  return Math.floor((priceFen * sharePercent) / 100)
}

/**
 * What is left of an earning after refunding the member `refundFen` of the price: the
 * share of what the platform keeps, rounded down like the earning itself (never above it).
 */
export function earningAfterRefund(
  earning: { price_fen: number; share_percent: number; amount_fen: number },
  refundFen: number
): number {
  const kept = Math.max(0, earning.price_fen - refundFen)
  return Math.min(earning.amount_fen, escortEarningFen(kept, earning.share_percent))
}
