import { formatDateTime, primaryTitle } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { EmptyIcon } from "@/components/icons"
import { TrendTable } from "@/components/constitution/trend-table"
import { constitution } from "@/lib/backends"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "体质辨识记录" }

/** The member's results over time: each type's trend and every report. */
export default async function ConstitutionHistoryPage() {
  const { token } = await requireMember("/constitution/history")
  const history = await constitution.history(token, { limit: 50 }).catch(() => null)
  return (
    <section className="constitution-history">
      <div className="section-head">
        <h1>体质辨识记录</h1>
        <Link href="/constitution/test" className="button primary">
          再测一次
        </Link>
      </div>
      {!history ? (
        <p className="notice error" role="alert">
          记录暂时无法加载，请稍后刷新重试。
        </p>
      ) : history.assessments.length === 0 ? (
        <div className="empty-state" data-testid="history-empty">
          <EmptyIcon kind="record" />
          <p>还没有保存的体质辨识结果</p>
          <Link href="/constitution" className="button primary">
            开始体质辨识
          </Link>
        </div>
      ) : (
        <>
          <div className="panel">
            <h2>各体质得分趋势</h2>
            <TrendTable history={history.assessments} />
          </div>
          <ul className="order-list" data-testid="constitution-history">
            {history.assessments.map((assessment) => (
              <li key={assessment.id} className="order-row">
                <div>
                  <Link href={`/constitution/report/${encodeURIComponent(assessment.id)}`}>
                    <strong>{primaryTitle(assessment)}</strong>
                  </Link>
                  <p className="muted">{formatDateTime(assessment.created_at)}</p>
                </div>
                <div className="order-side">
                  <span className={`chip${assessment.review ? " active" : ""}`}>
                    {assessment.review ? "专家报告已发布" : "待专家评估"}
                  </span>
                  <Link
                    href={`/constitution/report/${encodeURIComponent(assessment.id)}`}
                    className="button"
                  >
                    查看报告
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
