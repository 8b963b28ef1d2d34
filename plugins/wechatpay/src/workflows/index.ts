export { closeWechatTransactionWorkflow } from "./close-wechat-transaction"
export { downloadWechatBillWorkflow } from "./download-wechat-bill"
export { queryWechatTransactionWorkflow } from "./query-wechat-transaction"
export { queryWechatTransferBillWorkflow } from "./query-wechat-transfer-bill"
export { refundWechatOrderInFullWorkflow } from "./refund-wechat-order-in-full"
export {
  createWechatTransferBillStep,
  type CreateWechatTransferBillInput,
} from "./steps/create-wechat-transfer-bill-step"
export { ensureWechatpayConfiguredStep } from "./steps/ensure-wechatpay-configured-step"
export { queryWechatRefundStep } from "./steps/query-wechat-refund-step"
export {
  refundWechatOrderInFullStep,
  type RefundWechatOrderInFullInput,
  type WechatFullRefund,
} from "./steps/refund-wechat-order-in-full-step"
