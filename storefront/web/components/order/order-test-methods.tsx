import {
  formatAppointmentDay,
  TEST_METHOD_LABELS,
  TEST_METHOD_PRICE_RULE,
  type OrderTestMethods,
} from "@health/core"
import Link from "next/link"

/**
 * 采样方式 in the order detail: each kit's method (and site and slot when on site), and
 * 修改检测方式/改约 while the kit has not shipped nor the sample been taken; the reason after.
 */
export function OrderTestMethodsPanel({
  orderId,
  methods,
}: {
  orderId: string
  methods: OrderTestMethods
}) {
  if (!methods.lines.length) return null
  return (
    <div className="panel" data-testid="order-test-methods">
      <h2>采样方式</h2>
      <ul className="report-list">
        {methods.lines.map((line) => (
          <li key={line.line_item_id} className="order-row" data-testid="test-method-line">
            <span>
              {line.title}
              {line.quantity > 1 && <span className="muted"> ×{line.quantity}</span>}
            </span>
            <span className="chip" data-testid="test-method">
              {TEST_METHOD_LABELS[line.method]}
            </span>
            {line.collection && (
              <span className="muted" data-testid="test-method-slot">
                {line.collection.site_name ?? "采集点"} {formatAppointmentDay(line.collection.date)}{" "}
                {line.collection.slot}
              </span>
            )}
            {methods.change.allowed && (
              <Link
                className="button"
                href={`/account/orders/${encodeURIComponent(orderId)}/test-method?line=${encodeURIComponent(line.line_item_id)}`}
              >
                {line.method === "on_site" ? "改约/修改检测方式" : "修改检测方式"}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {methods.change.allowed ? (
        <p className="hint">
          检测盒寄出或现场采样之前，可以在寄送采样盒和采集点现场采集之间切换，或改约其他采集点和时段。
          {TEST_METHOD_PRICE_RULE}
        </p>
      ) : (
        <p className="muted" data-testid="test-method-reason">
          不能再修改采样方式：{methods.change.reason}
        </p>
      )}
    </div>
  )
}
