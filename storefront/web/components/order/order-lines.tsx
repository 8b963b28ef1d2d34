import { formatCNY, type PlacedOrder } from "@health/core"

/** An order's lines and its total, as the confirmation and the member's order page show them. */
export function OrderLines({ order, totalLabel }: { order: PlacedOrder; totalLabel: string }) {
  return (
    <div className="panel">
      <ul className="summary-lines">
        {order.items.map((item) => (
          <li key={item.id}>
            <span>
              {item.title} <span className="muted">× {item.quantity}</span>
            </span>
            <span>{formatCNY(item.total)}</span>
          </li>
        ))}
      </ul>
      {Number(order.credit_line_total ?? 0) > 0 && (
        <p className="summary-line" data-testid="order-store-credit">
          余额抵扣 <span>-{formatCNY(order.credit_line_total!)}</span>
        </p>
      )}
      <p className="summary-total">
        {totalLabel}{" "}
        <strong className="price" data-testid="order-total">
          {formatCNY(order.total)}
        </strong>
      </p>
    </div>
  )
}
