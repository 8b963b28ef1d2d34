/**
 * The plugin's public surface besides its provider, workflows and sandbox: the provider id,
 * event names, WeChat's states, and the shapes commerce reads. Everything else is internal.
 */
export { WECHATPAY_PROVIDER_ID } from "./lib/provider-id"

export type { WechatBillDay, WechatTradeBillLine } from "./lib/bills"
export {
  FINAL_REFUND_STATES,
  REFUND_NOTIFIED_EVENT,
  unplacedRefundNoFor,
  type RefundStatus,
  type WechatRefund,
} from "./lib/refunds"
export { sessionIdFor } from "./lib/trade-no"
export { PAID_TRADE_STATES, type WechatTransaction } from "./lib/transactions"
export { transactionOutcomeOf, type WechatTransactionOutcome } from "./lib/transaction-outcome"
export {
  FINAL_TRANSFER_STATES,
  outBillNoFor,
  TRANSFER_FINISHED_EVENT,
  type TransferBill,
  type TransferBillState,
} from "./lib/transfer-bills"
export type {
  WechatpayChannel,
  WechatpayPaymentAction,
  WechatpaySessionData,
} from "./providers/wechatpay/service"
