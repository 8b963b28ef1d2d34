"use client"

import {
  createEscortAppClient,
  formatDateTime,
  getEscortServiceReport,
  MAX_ESCORT_IMAGE_BYTES,
  uploadEscortMessageImage,
  writeEscortServiceReport,
  type CommerceClientOptions,
  type EscortServiceReport,
  type EscortTaskDetail,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState, type FormEvent } from "react"
import { EmptyIcon } from "@/components/icons"
import { ESCORT_RELAY_BASE, escortRelayOptions } from "@/lib/escort-app-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"

const REPORTABLE = ["completed", "confirmed", "reviewed"]
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"]
const MAX_DOCUMENTS = 9
/** When the department has no SOP the escort still tells how the visit went. */
const FALLBACK_STEPS = ["陪诊经过"]

type Shown =
  | { state: "loading" }
  | { state: "error"; message: string; signedOut: boolean }
  | { state: "ready"; task: EscortTaskDetail; report: EscortServiceReport | null }

/** The step names to write a note for: the SOP's, each once, in its order. */
const stepNames = (task: EscortTaskDetail) => {
  const names = (task.sop ?? []).map((s) => (s.title ? `${s.step}：${s.title}` : s.step))
  return names.length > 0 ? [...new Set(names)] : FALLBACK_STEPS
}

/**
 * 服务报告: after 服务完成 the escort writes once a note for each SOP step done, the doctor's
 * advice as told, and photographs of the documents; afterwards the page shows it read-only.
 */
export function EscortServiceReportForm({
  taskId,
  client: given,
}: {
  taskId: string
  client?: CommerceClientOptions
}) {
  const client = useMemo(() => given ?? escortRelayOptions(), [given])
  const api = useMemo(() => createEscortAppClient(client), [client])
  const [shown, setShown] = useState<Shown>({ state: "loading" })
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [advice, setAdvice] = useState("")
  const [documents, setDocuments] = useState<File[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    let live = true
    Promise.all([
      api.getEscortTask("", taskId),
      getEscortServiceReport(client, "", "escort", taskId),
    ]).then(
      ([task, report]) => live && setShown({ state: "ready", task, report }),
      (error) =>
        live &&
        setShown({ state: "error", message: escortAppError(error), signedOut: isSignedOut(error) })
    )
    return () => {
      live = false
    }
  }, [api, client, taskId])

  if (shown.state === "loading") {
    return (
      <p className="muted" role="status">
        正在加载服务报告…
      </p>
    )
  }
  if (shown.state === "error") {
    return (
      <div className="empty-state" data-testid="escort-service-report-error">
        <EmptyIcon kind="warning" />
        <p role="alert">{shown.message}</p>
        <Link href={shown.signedOut ? "/escort-app/sign-in" : "/escort-app"} className="button">
          {shown.signedOut ? "重新登录" : "返回任务中心"}
        </Link>
      </div>
    )
  }

  const { task, report } = shown
  const back = (
    <Link href={`/escort-app/tasks/${encodeURIComponent(taskId)}`} className="button small">
      返回任务详情
    </Link>
  )
  if (report) return <ReportView report={report} back={back} />
  if (!REPORTABLE.includes(task.status)) {
    return (
      <div className="empty-state" data-testid="escort-service-report-not-yet">
        <EmptyIcon kind="warning" />
        <p>服务完成后才能填写服务报告（当前状态：{task.status_label}）。</p>
        {back}
      </div>
    )
  }

  const pick = (files: FileList | null) => {
    const chosen = [...(files ?? [])]
    const wrong = chosen.find((f) => !IMAGE_TYPES.includes(f.type))
    if (wrong) return setProblem("只能上传 JPG、PNG 或 WebP 图片")
    if (chosen.some((f) => f.size > MAX_ESCORT_IMAGE_BYTES)) {
      return setProblem("单张图片不能超过 5 MB，请压缩后再上传")
    }
    const all = [...documents, ...chosen]
    if (all.length > MAX_DOCUMENTS) return setProblem(`最多上传 ${MAX_DOCUMENTS} 张单据照片`)
    setProblem(undefined)
    setDocuments(all)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const steps = stepNames(task)
      .map((step) => ({ step, note: (notes[step] ?? "").trim() }))
      .filter((s) => s.note)
    if (steps.length === 0) return setProblem("请至少填写一个已完成步骤的记录")
    if (!advice.trim()) return setProblem("请填写医生的嘱咐")
    setBusy(true)
    setProblem(undefined)
    try {
      const document_upload_ids: string[] = []
      for (const file of documents) {
        document_upload_ids.push(
          (await uploadEscortMessageImage(client, "", "escort", taskId, file, file.name)).id
        )
      }
      const written = await writeEscortServiceReport(client, "", taskId, {
        steps,
        doctor_advice: advice.trim(),
        document_upload_ids,
      })
      setShown({ state: "ready", task, report: written })
    } catch (error) {
      setProblem(escortAppError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="escort-service-report-form">
      <div className="card-body">
        <h1>填写服务报告</h1>
        <p className="muted">
          报告提交后家属即可查看，单据可存入其健康档案；提交后不能修改，请核对后再提交。
        </p>
        {stepNames(task).map((step) => (
          <label key={step}>
            {step}
            <textarea
              rows={2}
              maxLength={500}
              placeholder="已完成的请记录要点，未做的留空"
              value={notes[step] ?? ""}
              onChange={(event) => setNotes({ ...notes, [step]: event.target.value })}
              data-testid="escort-service-report-step"
            />
          </label>
        ))}
        <label>
          医生嘱咐
          <textarea
            rows={3}
            maxLength={2000}
            placeholder="按医生原话记录用药、复查等嘱咐"
            value={advice}
            onChange={(event) => setAdvice(event.target.value)}
            data-testid="escort-service-report-advice"
          />
        </label>
        <label className="button">
          拍照上传单据（{documents.length}/{MAX_DOCUMENTS}）
          <input
            type="file"
            accept={IMAGE_TYPES.join(",")}
            capture="environment"
            multiple
            hidden
            disabled={busy}
            data-testid="escort-service-report-documents"
            onChange={(event) => pick(event.target.files)}
          />
        </label>
        {documents.length > 0 && (
          <ul data-testid="escort-service-report-chosen">
            {documents.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                {file.name}{" "}
                <button
                  type="button"
                  className="button small"
                  onClick={() => setDocuments(documents.filter((_, i) => i !== index))}
                >
                  移除
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? "正在提交…" : "提交服务报告"}
          </button>
          {back}
        </div>
        {problem && (
          <p className="form-error" role="alert" data-testid="escort-service-report-problem">
            {problem}
          </p>
        )}
      </div>
    </form>
  )
}

function ReportView({ report, back }: { report: EscortServiceReport; back: React.ReactNode }) {
  return (
    <section className="card" data-testid="escort-service-report-view">
      <div className="card-body">
        <h1>服务报告</h1>
        <p className="muted">提交于 {formatDateTime(report.created_at)}</p>
        <ol>
          {report.steps.map((s) => (
            <li key={s.step}>
              <strong>{s.step}</strong>
              <p>{s.note}</p>
            </li>
          ))}
        </ol>
        <h2>医生嘱咐</h2>
        <p data-testid="escort-service-report-advice-shown">{report.doctor_advice}</p>
        {report.documents.length > 0 && (
          <>
            <h2>单据照片</h2>
            <div className="escort-report-documents">
              {report.documents.map((d) => (
                // eslint-disable-next-line @next/next/no-img-element -- a private picture through the relay, not an optimisable asset
                <img
                  key={d.id}
                  src={`${ESCORT_RELAY_BASE}${d.image_url}`}
                  alt="单据照片"
                  loading="lazy"
                  style={{ maxWidth: 160 }}
                />
              ))}
            </div>
          </>
        )}
        {back}
      </div>
    </section>
  )
}
