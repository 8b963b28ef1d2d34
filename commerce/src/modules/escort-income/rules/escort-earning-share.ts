/**
 * The escort's earning for a booking is the shared provider rule (lib/income): their level's
 * share of the price in integer fen, rounded down; after a refund, the share of what the
 * platform keeps.
 */
export {
  shareAfterRefund as earningAfterRefund,
  shareOfPriceFen as escortEarningFen,
} from "../../../lib/income/share-of-price"
