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

export type OfflineOrderExpiredData = {
  order_id: string
  display_id: number | string | null
  hours: number
}

/** An offline order was cancelled because its payment was never confirmed (template `order-offline-expired`). */
export function offlineOrderExpiredNotice(data: OfflineOrderExpiredData): MemberNotice {
  const key = `order-offline-expired:${data.order_id}`
  const order = data.display_id ? `订单 #${data.display_id}` : "订单"
  return {
    template: "order-offline-expired",
    key,
    feed: {
      category: "order",
      title: `${order} 已自动取消`,
      body: `您的${order} 因超过 ${data.hours} 小时未确认线下付款已自动取消。如已付款，请联系客服。`,
      link: `/account/orders/${data.order_id}`,
      dedupe_key: key,
    },
  }
}
