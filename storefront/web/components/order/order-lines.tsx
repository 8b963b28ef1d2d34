import {
  describeLineTestChoice,
  formatCNY,
  readLineTestChoice,
  type PlacedOrder,
} from "@health/core"

/** An order's lines and its total, as the confirmation and the member's order page show them. */
export function OrderLines({ order, totalLabel }: { order: PlacedOrder; totalLabel: string }) {
  return (
    <div className="panel">
      <ul className="summary-lines">
        {order.items.map((item) => {
          // The 采样方式 chosen for this line at checkout (older orders have none on the line).
          const method = readLineTestChoice(item.metadata)
          return (
            <li key={item.id}>
              <div>
                {item.title} <span className="muted">× {item.quantity}</span>
                {method && (
                  <div className="muted" data-testid="line-test-method">
                    采样方式：{describeLineTestChoice(method)}
                  </div>
                )}
              </div>
              <span>{formatCNY(item.total)}</span>
            </li>
          )
        })}
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
