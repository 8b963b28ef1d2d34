/**
 * The plugin's public surface besides its provider, workflows and sandbox: the provider id
 * and the shapes commerce reads. Everything else is internal.
 */
export { ALIPAY_PROVIDER_ID } from "./lib/provider-id"
export type { AlipayTradeOutcome } from "./lib/trade-outcome"
export type { AlipayFullRefund } from "./lib/trades"
export type {
  AlipayChannel,
  AlipayRefundRecord,
  AlipaySessionData,
} from "./providers/alipay/service"
export type { AlipayBillDay, AlipayBillLine, AlipayBillSummary } from "./lib/bills"
