/** What a member reads for Medusa's fulfilment states (payment: see order-tabs in core). */
export const FULFILLMENT_STATUS_LABEL: Record<string, string> = {
  not_fulfilled: "待发货",
  partially_fulfilled: "部分发货",
  fulfilled: "已备货",
  partially_shipped: "部分发出",
  shipped: "已发出",
  delivered: "已送达",
  canceled: "已取消",
}
