import { ApiError, formatDate, formatDateTime, formatFileSize } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { AccountPageHead } from "@/components/account/account-page-head"
import { MemberSuggestions } from "@/components/health/member-suggestions"
import { ReportFindingsSummary } from "@/components/health/report-findings"
import { WechatKfLink } from "@/components/support/wechat-kf-link"
import { healthArchive } from "@/lib/backends"
import { loadMemberSuggestions } from "@/lib/member-suggestions"
import { requireMember } from "@/lib/require-member"
import { KeepForOffline } from "@/components/pwa/keep-for-offline"

export const metadata: Metadata = { title: "检测报告" }

/**
 * The report's summary, its findings grouped by risk, and the PDF itself, embedded and
 * downloadable. The PDF comes through
 * our route handler, which adds the member's token on the server.
 */
export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { token, member } = await requireMember(`/account/health/reports/${encodeURIComponent(id)}`)
  const answer = await healthArchive.reportWithFindings(token, id).catch((error) => {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  })
  if (!answer) notFound()
  const { report, findings } = answer
  const suggestions = await loadMemberSuggestions(token)
  const file = `/api/health-archive/reports/${encodeURIComponent(report.id)}/file`

  return (
    <section className="account-page report-page" data-testid="report-page">
      <KeepForOffline member={member.id} />
      <AccountPageHead title={report.product_title}>
        <a href={`${file}?download=1`} className="button primary" data-testid="report-download">
          下载 PDF
        </a>
        <WechatKfLink page={{ kind: "report", id: report.id, title: report.product_title }} />
      </AccountPageHead>
      <div className="panel">
        <dl className="facts">
          <dt>条码</dt>
          <dd>{report.barcode}</dd>
          {report.lab && (
            <>
              <dt>检测机构</dt>
              <dd>{report.lab}</dd>
            </>
          )}
          {report.issued_at && (
            <>
              <dt>出具日期</dt>
              <dd>{formatDate(report.issued_at)}</dd>
            </>
          )}
          <dt>报告</dt>
          <dd>
            共 {report.summary.pages} 页 · {formatFileSize(report.size)}
            {report.viewed_at && (
              <span className="muted"> · 首次查看于 {formatDateTime(report.viewed_at)}</span>
            )}
          </dd>
        </dl>
        {report.summary.excerpt && (
          <>
            <h2>报告摘要</h2>
            <p className="report-excerpt" data-testid="report-excerpt">
              {report.summary.excerpt}
            </p>
          </>
        )}
        <p className="hint">报告结果请结合临床，如有疑问请咨询医生或遗传咨询师。</p>
      </div>
      <ReportFindingsSummary findings={findings} pdfHref={file} />
      <div className="report-viewer">
        <iframe src={file} title={`${report.product_title} 检测报告`} />
        <p className="hint">
          浏览器无法显示 PDF？
          <a href={file} target="_blank" rel="noopener">
            在新窗口打开
          </a>
          或<a href={`${file}?download=1`}>下载报告</a>。
        </p>
      </div>
      <MemberSuggestions articles={suggestions.articles} products={suggestions.products} />
      <p>
        <Link href={`/account/health/kits/${encodeURIComponent(report.kit_id)}`}>← 检测详情</Link>
        <span className="muted"> · </span>
        <Link href="/account/health?tab=reports">全部报告</Link>
      </p>
    </section>
  )
}
