import { ACCESS_LABELS, assessmentReadLabel, formatDateTime } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { assessments } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"
import { withdrawAssessment } from "../assessment-actions"

export const metadata: Metadata = { title: "检测评估报告" }

const pdfHref = (id: string, version: number) =>
  `/account/assessments/${encodeURIComponent(id)}/pdf?version=${version}`

/**
 * One assessment: the consent (withdrawable), the items granted, every time the expert
 * opened one, and each version of the report with its PDF.
 */
export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { token } = await requireMember(`/account/assessments/${id}`)
  const detail = await assessments
    .detail(token, id)
    .catch((error) => memberActionError(error, "assessment"))
  if ("error" in detail) {
    return (
      <section className="account-page">
        <AccountPageHead title="检测评估报告" />
        <p className="form-error" role="alert">
          {detail.error}
        </p>
      </section>
    )
  }
  const { assessment, doctor, items, versions, reads } = detail
  const latest = versions.at(-1)
  return (
    <section className="account-page" data-testid="assessment-detail">
      <AccountPageHead title="检测评估报告" />
      <div className="card">
        <strong>
          {doctor.name}
          {doctor.title ? ` · ${doctor.title}` : ""}
          {doctor.hospital ? ` · ${doctor.hospital}` : ""}
        </strong>
        <p>{assessment.question}</p>
        <p className="hint" data-testid="assessment-consent">
          {ACCESS_LABELS[assessment.access]} · 授权至 {formatDateTime(assessment.ends_at)}
        </p>
        {assessment.access === "granted" && (
          <form action={withdrawAssessment}>
            <input type="hidden" name="assessment_id" value={assessment.id} />
            <button type="submit" className="button small">
              撤回授权
            </button>
          </form>
        )}
      </div>

      {latest ? (
        <article className="panel" data-testid="assessment-report">
          <h2>{latest.title}</h2>
          <p className="hint">
            第 {latest.version} 版 · {latest.expert_name} · {formatDateTime(latest.published_at)}
            {latest.reason ? ` · 修订说明：${latest.reason}` : ""}
          </p>
          {latest.sections.map((section, index) => (
            <section key={index}>
              <h3>{section.heading}</h3>
              <p style={{ whiteSpace: "pre-wrap" }}>{section.body}</p>
            </section>
          ))}
          {latest.recommendations.length > 0 && (
            <>
              <h3>推荐商品与文章</h3>
              <ul>
                {latest.recommendations.map((r) => (
                  <li key={`${r.kind}:${r.ref_id}`}>
                    <Link
                      href={`/${r.kind === "product" ? "products" : "articles"}/${encodeURIComponent(r.ref_id)}`}
                    >
                      {r.title}
                    </Link>
                    {r.reason ? ` · ${r.reason}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>历史版本</h3>
          <ul>
            {versions.map((v) => (
              <li key={v.version}>
                第 {v.version} 版 · {formatDateTime(v.published_at)}
                {v.reason ? ` · ${v.reason}` : ""} ·{" "}
                <a href={pdfHref(assessment.id, v.version)}>下载 PDF</a>
              </li>
            ))}
          </ul>
        </article>
      ) : (
        <p className="hint">专家正在评估，出具报告后会通过消息中心通知您。</p>
      )}

      <div className="panel">
        <h2>授权的档案资料</h2>
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              {item.label}
              {item.withdrawn_at ? "（已收回）" : ""}
            </li>
          ))}
        </ul>
        <h2>专家查看记录</h2>
        {reads.length === 0 ? (
          <p className="hint">专家还没有查看您的资料。</p>
        ) : (
          <ul data-testid="assessment-reads">
            {reads.map((read, index) => (
              <li key={index}>
                {formatDateTime(read.at)} · {read.reader} 查看了
                {assessmentReadLabel(read)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
