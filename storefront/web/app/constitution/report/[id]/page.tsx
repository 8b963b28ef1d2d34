import { ApiError, reportView } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { ConstitutionReport } from "@/components/constitution/constitution-report"
import { DownloadPdfLink } from "@/components/constitution/download-pdf"
import { PrintButton } from "@/components/constitution/print-button"
import { TrendTable } from "@/components/constitution/trend-table"
import { constitution } from "@/lib/backends"
import { loadReportContent } from "@/lib/constitution-content"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "体质辨识报告" }

/** A saved result of the signed-in member, with the expert's report once published. */
export default async function ConstitutionReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ saved?: string }>
}) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams])
  const { token } = await requireMember(`/constitution/report/${encodeURIComponent(id)}`)
  const assessment = await constitution.assessment(token, id).catch((error) => {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  })
  if (!assessment) notFound()
  const view = reportView(assessment)
  const [content, history] = await Promise.all([
    loadReportContent(view.applied.length ? view.applied : [view.primary.code]),
    constitution.history(token, { limit: 24 }).catch(() => null),
  ])
  return (
    <>
      {saved === "1" && (
        <p className="notice success no-print" data-testid="saved-notice">
          结果已保存到您的健康档案。专家撰写养生评估报告后，您会收到消息通知。
        </p>
      )}
      {!assessment.review && (
        <p className="notice no-print" data-testid="review-pending">
          专家养生评估报告尚未发布，发布后会通过消息中心通知您。
        </p>
      )}
      <ConstitutionReport
        result={assessment}
        content={content}
        review={assessment.review}
        createdAt={assessment.created_at}
        actions={
          <>
            <PrintButton />
            <DownloadPdfLink assessmentId={assessment.id} />
            <Link href="/constitution/test" className="button">
              再测一次
            </Link>
          </>
        }
      />
      {history && history.assessments.length > 1 && (
        <section className="panel no-print">
          <div className="section-head">
            <h2>历次变化</h2>
            <Link href="/constitution/history">全部记录 →</Link>
          </div>
          <TrendTable history={history.assessments} />
        </section>
      )}
    </>
  )
}
