/** The plugin's workflows: what commerce may run against unionpay (follow-ups of one payment, bills). */
export { closeUnionpayOrderWorkflow } from "./close-unionpay-order"
export { queryUnionpayOrderWorkflow } from "./query-unionpay-order"
export { refundUnionpayOrderInFullWorkflow } from "./refund-unionpay-order-in-full"
export type { UnionpayOrderKey } from "./steps/query-unionpay-order-step"
export type { RefundUnionpayOrderInFullInput } from "./steps/refund-unionpay-order-in-full-step"
export { downloadUnionpayBillWorkflow } from "./download-unionpay-bill"
