import { formatCny } from "../lib/format-cny"
import type { MemberNotice } from "./member-notice"

export type OrderPlacedData = {
  order_id: string
  display_id: number | string
  item_titles: string[]
  /** Medusa's order total (major units). */
  total: Parameters<typeof formatCny>[0]
}

/** The buyer's order was placed (template `order-placed`). */
export function orderPlacedNotice(data: OrderPlacedData): MemberNotice {
  const key = `order-placed:${data.order_id}`
  return {
    template: "order-placed",
    key,
    feed: {
      category: "order",
      title: `订单 #${data.display_id} 已提交`,
      body: `您购买的${data.item_titles.join("、") || "商品"}已下单，订单金额 ${formatCny(data.total)}。`,
      link: `/account/orders/${data.order_id}`,
      dedupe_key: key,
    },
  }
}
