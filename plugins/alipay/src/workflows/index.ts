/** The plugin's workflows: what commerce may run against alipay (follow-ups of one payment, bills). */
export { closeAlipayTradeWorkflow } from "./close-alipay-trade"
export { queryAlipayTradeWorkflow } from "./query-alipay-trade"
export { refundAlipayTradeInFullWorkflow } from "./refund-alipay-trade-in-full"
export type { RefundAlipayTradeInFullInput } from "./steps/refund-alipay-trade-in-full-step"
export { downloadAlipayBillWorkflow } from "./download-alipay-bill"
