import { SEX_LABEL, type Kit } from "@health/core"
import Link from "next/link"
import { KitStatusBadge } from "./kit-status-badge"
import { KitStepper } from "./kit-stepper"

/** Kits that still wait for the member to register the sample. */
export function awaitsActivation(kit: Pick<Kit, "status">) {
  return kit.status === "ordered" || kit.status === "shipped"
}

/** One kit in 我的检测: what was bought, for whom, and how far it has come. */
export function KitCard({ kit }: { kit: Kit }) {
  return (
    <li className="kit-card" data-testid="kit-card">
      <div className="kit-card-head">
        <div>
          <Link href={`/account/health/kits/${encodeURIComponent(kit.id)}`}>
            <strong>{kit.product_title}</strong>
          </Link>
          {kit.variant_title && <span className="muted"> · {kit.variant_title}</span>}
        </div>
        <KitStatusBadge kit={kit} />
      </div>
      <dl className="kit-facts">
        <div>
          <dt>条码</dt>
          <dd data-testid="kit-barcode">{kit.barcode ?? "寄出后可见"}</dd>
        </div>
        <div>
          <dt>受检者</dt>
          <dd>
            {kit.person
              ? `${kit.person.name}（${kit.person.relation_label}，${SEX_LABEL[kit.person.sex]}）`
              : "激活时填写"}
          </dd>
        </div>
        {kit.order_display_id !== null && (
          <div>
            <dt>订单</dt>
            <dd>
              <Link href={`/account/orders/${encodeURIComponent(kit.order_id)}`}>
                #{kit.order_display_id}
              </Link>
            </dd>
          </div>
        )}
      </dl>
      <KitStepper kit={kit} />
      <div className="kit-card-actions">
        {awaitsActivation(kit) && (
          <Link
            href={`/account/health/activate${kit.barcode ? `?barcode=${encodeURIComponent(kit.barcode)}` : ""}`}
            className="button primary"
          >
            激活采样盒
          </Link>
        )}
        {kit.report && (
          <Link
            href={`/account/health/reports/${encodeURIComponent(kit.report.id)}`}
            className="button primary"
          >
            查看报告
          </Link>
        )}
        <Link href={`/account/health/kits/${encodeURIComponent(kit.id)}`} className="button">
          查看详情
        </Link>
      </div>
    </li>
  )
}
