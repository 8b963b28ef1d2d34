import {
  ApiError,
  COLLECTION_METHOD_LABEL,
  formatDate,
  formatDateTime,
  SEX_LABEL,
} from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { AccountPageHead } from "@/components/account/account-page-head"
import { awaitsActivation } from "@/components/health/kit-card"
import { KitStatusBadge } from "@/components/health/kit-status-badge"
import { KitTimeline } from "@/components/health/kit-timeline"
import { healthArchive } from "@/lib/backends"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "检测详情" }

/** One kit: where it is, for whom, the parcel, and the report once it is out. */
export default async function KitPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ activated?: string }>
}) {
  const { id } = await params
  const { activated } = await searchParams
  const { token } = await requireMember(`/account/health/kits/${encodeURIComponent(id)}`)
  const kit = await healthArchive.kit(token, id).catch((error) => {
    // Another member's kit answers 404 too.
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  })
  if (!kit) notFound()
  const reportHref = kit.report
    ? `/account/health/reports/${encodeURIComponent(kit.report.id)}`
    : null

  return (
    <section className="account-page narrow kit-detail" data-testid="kit-detail">
      <AccountPageHead title={kit.product_title}>
        <KitStatusBadge kit={kit} />
      </AccountPageHead>
      {activated && (
        <p className="notice success" role="status">
          采样盒已激活。请按说明书采样并尽快寄回，实验室收到样本后会更新进度。
        </p>
      )}
      {kit.status === "rejected" && (
        <p className="notice error" role="alert">
          样本未通过实验室检验，需要重新采样。请联系客服 400-800-0000 安排重新采样。
        </p>
      )}

      {kit.report && reportHref && (
        <div className="panel report-ready" data-testid="kit-report">
          <h2>检测报告已出具</h2>
          <p className="muted">
            {kit.report.lab && <>{kit.report.lab} · </>}
            {kit.report.issued_at && <>出具于 {formatDate(kit.report.issued_at)}</>}
          </p>
          <div className="form-actions">
            <Link href={reportHref} className="button primary">
              查看报告
            </Link>
            <a
              href={`/api/health-archive/reports/${encodeURIComponent(kit.report.id)}/file?download=1`}
              className="button"
            >
              下载 PDF
            </a>
          </div>
        </div>
      )}

      <div className="panel">
        <dl className="facts">
          <dt>条码</dt>
          <dd data-testid="kit-barcode">{kit.barcode ?? "寄出后可见"}</dd>
          {kit.variant_title && (
            <>
              <dt>规格</dt>
              <dd>{kit.variant_title}</dd>
            </>
          )}
          <dt>采样方式</dt>
          <dd>{COLLECTION_METHOD_LABEL[kit.collection_method]}</dd>
          <dt>受检者</dt>
          <dd data-testid="kit-person">
            {kit.person
              ? `${kit.person.name}（${kit.person.relation_label}，${SEX_LABEL[kit.person.sex]}，${kit.person.birth_date}）`
              : "尚未激活"}
          </dd>
          {kit.tracking?.number && (
            <>
              <dt>物流单号</dt>
              <dd data-testid="kit-tracking">
                {kit.tracking.carrier && <>{kit.tracking.carrier} </>}
                {kit.tracking.number}
              </dd>
            </>
          )}
          <dt>订单</dt>
          <dd>
            <Link href={`/account/orders/${encodeURIComponent(kit.order_id)}`}>
              {kit.order_display_id !== null ? `#${kit.order_display_id}` : "查看订单"}
            </Link>
            <span className="muted"> · 下单于 {formatDateTime(kit.created_at)}</span>
          </dd>
          {kit.activated_at && (
            <>
              <dt>激活时间</dt>
              <dd>{formatDateTime(kit.activated_at)}</dd>
            </>
          )}
        </dl>
        {awaitsActivation(kit) && (
          <Link
            href={`/account/health/activate${kit.barcode ? `?barcode=${encodeURIComponent(kit.barcode)}` : ""}`}
            className="button primary"
          >
            激活采样盒
          </Link>
        )}
      </div>

      <div className="panel">
        <h2>检测进度</h2>
        <KitTimeline kit={kit} />
        <p className="hint">时间均为北京时间。</p>
      </div>
      <p>
        <Link href="/account/health">← 返回健康档案</Link>
      </p>
    </section>
  )
}
