import { formatCNY, formatDateTime, type OrderBusinessView } from "@health/core"
import Link from "next/link"

/**
 * One order in 我的订单: what was bought, its state in one word, 已使用/未使用, and what to
 * do next.
 */
export function OrderRow({ order }: { order: OrderBusinessView }) {
  const state = order.business_state
  return (
    <li className="order-row" data-testid="order-row">
      <div>
        <Link href={`/account/orders/${order.id}`}>
          <strong>订单 #{order.display_id}</strong>
        </Link>
        <span className="muted"> · {formatDateTime(order.created_at)}</span>
        <p className="muted">{order.items.map((item) => item.title).join("、")}</p>
      </div>
      <div className="order-side">
        <span className="price">{formatCNY(order.total_fen / 100)}</span>
        <span className={`chip order-state-${state}`} data-testid="order-state">
          {order.business_state_label}
        </span>
        {order.usage_label && state !== "canceled" && (
          <span className="chip" data-testid="order-usage">
            {order.usage_label}
          </span>
        )}
        {state === "unpaid" && (
          // Offline orders: the transfer details and the order number to quote.
          <Link href={`/checkout/done/${order.id}`} className="button small">
            付款说明
          </Link>
        )}
      </div>
    </li>
  )
}
