"use client"

import {
  draftProblem,
  draftToInput,
  formatDateTime,
  type ExpertAssessmentDetail,
  type ReportDraft,
  type ReportFindings,
} from "@health/core"
import { useCallback, useEffect, useMemo, useState } from "react"
import { ReportFindingsSummary } from "@/components/health/report-findings"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"
import { expertAssessmentsInBrowser, type ExpertAssessmentApi } from "../expert-assessments"

const EMPTY: ReportDraft = {
  title: "检测评估报告",
  sections: [
    { heading: "检测结果解读", body: "" },
    { heading: "健康风险评估", body: "" },
    { heading: "生活方式建议", body: "" },
  ],
  recommendations: [],
  reason: "",
}

/**
 * A granted lab report's structured findings, opened on request: each opening is a read in
 * the member's access log, so nothing is fetched until the expert asks.
 */
function GrantedFindings({
  api,
  assessmentId,
  itemId,
  pdfHref,
}: {
  api: ExpertAssessmentApi
  assessmentId: string
  itemId: string
  pdfHref: string
}) {
  const [findings, setFindings] = useState<ReportFindings | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (findings) {
    return findings.findings.length ? (
      <ReportFindingsSummary findings={findings} pdfHref={pdfHref} />
    ) : (
      <p className="hint">实验室尚未录入这份报告的结构化结果，请打开报告原件查看。</p>
    )
  }
  return (
    <>
      {" "}
      <button
        type="button"
        className="button small secondary"
        data-testid="open-findings"
        onClick={() =>
          api
            .findings("", assessmentId, itemId)
            .then(setFindings, (e) => setError(escortAppError(e)))
        }
      >
        查看结果解读
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

/** A draft starting from the newest version (a revision edits what the member read). */
export function draftFrom(detail: ExpertAssessmentDetail): ReportDraft {
  const latest = detail.versions.at(-1)
  if (!latest) return EMPTY
  return {
    title: latest.title,
    sections: latest.sections.map((s) => ({ ...s })),
    recommendations: latest.recommendations.map((r) => ({ ...r, reason: r.reason ?? "" })),
    reason: "",
  }
}

/**
 * One assessment at the desk: the member's question, the granted items (each opening is
 * written to the member's access log), and the 检测评估报告 form: sections, recommended
 * products and articles, and for a revision its 修订说明.
 */
export function ExpertAssessment({ id, api: given }: { id: string; api?: ExpertAssessmentApi }) {
  const api = useMemo(() => given ?? expertAssessmentsInBrowser(), [given])
  const [detail, setDetail] = useState<ExpertAssessmentDetail | null>(null)
  const [draft, setDraft] = useState<ReportDraft>(EMPTY)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(() => {
    api.detail("", id).then(
      (answer) => {
        setDetail(answer)
        setDraft(draftFrom(answer))
      },
      (e) => setError(escortAppError(e))
    )
  }, [api, id])
  useEffect(reload, [reload])

  if (!detail) {
    return error ? (
      <p className="form-error" role="alert">
        {error}
      </p>
    ) : (
      <p className="hint">加载中…</p>
    )
  }
  const base = detail.assessment.version
  const publish = async () => {
    const problem = draftProblem(draft, base)
    if (problem) return setError(problem)
    setBusy(true)
    setError(null)
    try {
      const published = await api.publish("", id, draftToInput(draft, base))
      setNotice(`已发布第 ${published.version} 版，会员已收到通知`)
      reload()
    } catch (e) {
      setError(escortAppError(e))
    } finally {
      setBusy(false)
    }
  }
  const setSection = (index: number, field: "heading" | "body", value: string) =>
    setDraft({
      ...draft,
      sections: draft.sections.map((s, i) => (i === index ? { ...s, [field]: value } : s)),
    })
  const setRecommendation = (index: number, field: string, value: string) =>
    setDraft({
      ...draft,
      recommendations: draft.recommendations.map((r, i) =>
        i === index ? { ...r, [field]: value } : r
      ),
    })

  return (
    <section data-testid="expert-assessment">
      <h1>检测评估</h1>
      <div className="card">
        <p>{detail.assessment.question}</p>
        <p className="hint">授权至 {formatDateTime(detail.assessment.ends_at)}</p>
      </div>
      <div className="panel">
        <h2>会员授权的资料</h2>
        <p className="hint">每次打开都会记入会员的档案访问记录。</p>
        <ul>
          {detail.items.map((item) => (
            <li key={item.id}>
              <a href={`${DOCTOR_RELAY_BASE}${item.url}`} target="_blank" rel="noreferrer">
                {item.label}
              </a>
              {item.findings_url && (
                <GrantedFindings
                  api={api}
                  assessmentId={id}
                  itemId={item.id}
                  pdfHref={`${DOCTOR_RELAY_BASE}${item.url}`}
                />
              )}
            </li>
          ))}
        </ul>
      </div>
      <form
        className="panel form"
        onSubmit={(event) => {
          event.preventDefault()
          void publish()
        }}
      >
        <h2>{base > 0 ? `修订报告（当前第 ${base} 版）` : "撰写检测评估报告"}</h2>
        <label>
          报告标题
          <input
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </label>
        {draft.sections.map((section, index) => (
          <fieldset key={index}>
            <input
              aria-label={`第 ${index + 1} 节标题`}
              value={section.heading}
              onChange={(e) => setSection(index, "heading", e.target.value)}
            />
            <textarea
              aria-label={`第 ${index + 1} 节正文`}
              value={section.body}
              onChange={(e) => setSection(index, "body", e.target.value)}
            />
          </fieldset>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() =>
            setDraft({ ...draft, sections: [...draft.sections, { heading: "", body: "" }] })
          }
        >
          添加一节
        </button>
        <h3>推荐商品与文章</h3>
        {draft.recommendations.map((r, index) => (
          <fieldset key={index}>
            <select
              value={r.kind}
              onChange={(e) => setRecommendation(index, "kind", e.target.value)}
            >
              <option value="product">商品</option>
              <option value="article">文章</option>
            </select>
            <input
              aria-label="商品 handle 或文章 slug"
              value={r.ref_id}
              onChange={(e) => setRecommendation(index, "ref_id", e.target.value)}
            />
            <input
              aria-label="推荐标题"
              value={r.title}
              onChange={(e) => setRecommendation(index, "title", e.target.value)}
            />
            <input
              aria-label="推荐理由"
              value={r.reason}
              onChange={(e) => setRecommendation(index, "reason", e.target.value)}
            />
          </fieldset>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() =>
            setDraft({
              ...draft,
              recommendations: [
                ...draft.recommendations,
                { kind: "product", ref_id: "", title: "", reason: "" },
              ],
            })
          }
        >
          添加推荐
        </button>
        {base > 0 && (
          <label>
            修订说明
            <textarea
              value={draft.reason}
              onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
            />
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {notice && <p className="hint">{notice}</p>}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? "发布中…" : base > 0 ? "发布修订版" : "发布报告并推送给会员"}
        </button>
      </form>
      {detail.versions.length > 0 && (
        <div className="panel">
          <h2>已发布版本</h2>
          <ul>
            {detail.versions.map((v) => (
              <li key={v.version}>
                第 {v.version} 版 · {formatDateTime(v.published_at)}
                {v.reason ? ` · ${v.reason}` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
