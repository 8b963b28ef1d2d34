/** What a member reads for Medusa's payment and fulfilment states. */
export const PAYMENT_STATUS_LABEL: Record<string, string> = {
  not_paid: "待支付",
  awaiting: "待支付",
  authorized: "待确认收款",
  captured: "已支付",
  partially_refunded: "部分退款",
  refunded: "已退款",
  canceled: "已取消",
}

export const FULFILLMENT_STATUS_LABEL: Record<string, string> = {
  not_fulfilled: "待发货",
  partially_fulfilled: "部分发货",
  fulfilled: "已备货",
  partially_shipped: "部分发出",
  shipped: "已发出",
  delivered: "已送达",
  canceled: "已取消",
}
