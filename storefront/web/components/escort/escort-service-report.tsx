"use client"

import { escortImageUploadId, type EscortServiceReport } from "@health/core"
import { useEffect, useState } from "react"

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { message?: string }
  if (!response.ok) throw new Error(body.message ?? "网络繁忙，请稍后重试")
  return body
}

/** How often a finished service's report is looked for until the escort has written it. */
export const SERVICE_REPORT_POLL_MS = 5000
const AFTER_SERVICE = ["completed", "confirmed", "reviewed"]

/**
 * The escort's service report: each step, the doctor's advice as told, the photographed
 * documents, each saved into the member's health archive with one tap (again: nothing new).
 * Given the booking's live status, it reads again every few seconds once the service is
 * done until the report is there: writing it adds nothing to the timeline the page follows.
 */
export function EscortServiceReportView({
  bookingId,
  status,
  fetchJson = fetch,
  pollMs = SERVICE_REPORT_POLL_MS,
}: {
  bookingId: string
  status?: string
  fetchJson?: typeof fetch
  pollMs?: number
}) {
  const base = `/api/escort/bookings/${encodeURIComponent(bookingId)}`
  const [report, setReport] = useState<EscortServiceReport | null | undefined>(undefined)
  const [problem, setProblem] = useState<string>()
  const [saving, setSaving] = useState<string | null>(null)
  const waiting = status !== undefined && AFTER_SERVICE.includes(status)

  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = () =>
      fetchJson(`${base}/service-report`, { cache: "no-store" })
        .then((response) => readJson<{ report: EscortServiceReport | null }>(response))
        .then((body) => {
          if (!live) return
          setReport(body.report)
          setProblem(undefined)
          if (!body.report && waiting) timer = setTimeout(read, pollMs)
        })
        .catch((error: Error) => live && setProblem(error.message))
    void read()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [base, fetchJson, waiting, pollMs])

  const archive = async (documentId: string) => {
    setSaving(documentId)
    setProblem(undefined)
    try {
      const { archived } = await readJson<{ archived: { upload_id: string } }>(
        await fetchJson(
          `${base}/service-report/documents/${encodeURIComponent(documentId)}/archive`,
          { method: "POST" }
        )
      )
      setReport((current) =>
        current
          ? {
              ...current,
              documents: current.documents.map((d) =>
                d.id === documentId ? { ...d, archived_upload_id: archived.upload_id } : d
              ),
            }
          : current
      )
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setSaving(null)
    }
  }

  return (
    <section className="panel" data-testid="escort-service-report">
      <h2>服务报告</h2>
      {report === undefined && !problem && (
        <p className="hint" role="status">
          正在读取服务报告…
        </p>
      )}
      {report === null && (
        <p className="empty">陪诊员完成服务后会在这里填写服务报告，请稍后查看。</p>
      )}
      {report && (
        <>
          <ol className="timeline">
            {report.steps.map((step, index) => (
              <li key={index}>
                <strong>{step.step}</strong>
                {step.note && <p>{step.note}</p>}
              </li>
            ))}
          </ol>
          <h3>医生嘱咐（陪诊员转述）</h3>
          <p data-testid="escort-doctor-advice">{report.doctor_advice}</p>
          {report.documents.length > 0 && (
            <>
              <h3>就诊资料</h3>
              <ul className="detail-list">
                {report.documents.map((document) => (
                  <li key={document.id}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- a private picture through the relay */}
                    <img
                      src={`${base}/messages/images/${encodeURIComponent(escortImageUploadId(document.image_url))}`}
                      alt="就诊资料照片"
                      loading="lazy"
                      style={{ maxWidth: 240, display: "block" }}
                    />
                    {document.archived_upload_id ? (
                      <a href="/account/health?tab=uploads">已保存到健康档案，去查看</a>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        disabled={saving !== null}
                        onClick={() => void archive(document.id)}
                      >
                        {saving === document.id ? "正在保存…" : "保存到健康档案"}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
