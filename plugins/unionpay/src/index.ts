/**
 * The plugin's public surface besides its provider, workflows and sandbox: the provider id
 * and the shapes commerce reads. Everything else is internal.
 */
export { UNIONPAY_PROVIDER_ID } from "./lib/provider-id"
export type { UnionpayOrderOutcome } from "./lib/order-outcome"
export type { UnionpayFullRefund } from "./lib/unplaced-refund"
export type {
  UnionpayChannel,
  UnionpayPaymentAction,
  UnionpayRefund,
  UnionpayRefundStatus,
  UnionpaySessionData,
} from "./providers/unionpay/service"
export type { UnionpayBillDay, UnionpayBillLine } from "./lib/bills"
