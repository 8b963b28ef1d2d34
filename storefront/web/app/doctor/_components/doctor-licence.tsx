"use client"

import {
  DOCTOR_LICENCE_CHOICES,
  DOCTOR_LICENCE_LIMITS,
  doctorLicenceFileProblem,
  formatDateTime,
  formatFileSize,
  type DoctorLicenceApi,
  type DoctorLicenceKind,
  type DoctorLicences,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useRef, useState } from "react"
import { DOCTOR_LICENCE_UPLOAD_URL, doctorLicenceInBrowser } from "@/lib/doctor-licence-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"
import { uploadWithProgress, type UploadRequest } from "@/lib/upload-with-progress"
import { UploadStatus } from "../../../components/site/upload-status"

type Shown =
  | { state: "loading" }
  | { state: "error"; message: string; signedOut: boolean }
  | { state: "ready"; data: DoctorLicences }

const KIND_LABEL = Object.fromEntries(DOCTOR_LICENCE_CHOICES.map((c) => [c.kind, c.label]))

/**
 * 资质认证: the doctor's licence documents (执业证书 / 资格证书 / 职称证书) with their review
 * (待审核 / 已通过 / 已驳回 and the reviewer's reason), and an upload form with its progress.
 * Until staff approve a 执业证书 the rest of the 在线诊室 stays closed, and the page says so.
 */
export function DoctorLicenceView({
  api: given,
  makeRequest,
}: {
  api?: DoctorLicenceApi
  /** Stands in for XMLHttpRequest in tests. */
  makeRequest?: () => UploadRequest
}) {
  const api = useMemo(() => given ?? doctorLicenceInBrowser(), [given])
  const [shown, setShown] = useState<Shown>({ state: "loading" })
  const [round, setRound] = useState(0)

  useEffect(() => {
    let live = true
    api.documents("").then(
      (data) => live && setShown({ state: "ready", data }),
      (error) =>
        live &&
        setShown({ state: "error", message: escortAppError(error), signedOut: isSignedOut(error) })
    )
    return () => {
      live = false
    }
  }, [api, round])

  if (shown.state === "loading") {
    return (
      <p className="hint" role="status">
        正在读取资质文件…
      </p>
    )
  }
  if (shown.state === "error") {
    return (
      <section data-testid="doctor-licence-error">
        <p className="error" role="alert">
          {shown.message}
        </p>
        {shown.signedOut && (
          <Link href="/doctor/sign-in" className="button primary">
            重新登录
          </Link>
        )}
      </section>
    )
  }

  const { license_verified: verified, documents } = shown.data
  return (
    <section data-testid="doctor-licence">
      <h1>资质认证</h1>
      {verified ? (
        <p className="form-notice" data-testid="doctor-licence-verified">
          执业资质已审核通过，可以接诊。如证书更新，可在下方补充上传。
        </p>
      ) : (
        <p className="notice" data-testid="doctor-licence-unverified">
          请上传医师执业证书（可同时上传资格证书、职称证书）。平台审核通过后即可接诊，在此之前问诊、排班等页面暂不开放。
        </p>
      )}

      <h2>已上传的文件</h2>
      {documents.length === 0 ? (
        <p className="empty-state" data-testid="doctor-licence-empty">
          尚未上传资质文件，请先上传医师执业证书。
        </p>
      ) : (
        <table className="table" data-testid="doctor-licence-documents">
          <thead>
            <tr>
              <th scope="col">类型</th>
              <th scope="col">上传时间</th>
              <th scope="col">大小</th>
              <th scope="col">审核状态</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id} data-testid="doctor-licence-document" data-status={doc.status}>
                <td>{KIND_LABEL[doc.kind] ?? doc.kind_label}</td>
                <td>{formatDateTime(doc.created_at)}</td>
                <td>{formatFileSize(doc.size)}</td>
                <td>
                  <span className="kit-badge">{doc.status_label}</span>
                  {doc.status === "rejected" && doc.rejection_reason && (
                    <span className="muted"> 驳回原因：{doc.rejection_reason}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>上传资质文件</h2>
      <LicenceUploadForm makeRequest={makeRequest} onUploaded={() => setRound((n) => n + 1)} />
    </section>
  )
}

/** One document at a time: its kind and a JPEG, PNG or PDF, with a progress bar. */
function LicenceUploadForm({
  makeRequest,
  onUploaded,
}: {
  makeRequest?: () => UploadRequest
  onUploaded: () => void
}) {
  const input = useRef<HTMLInputElement>(null)
  const [kind, setKind] = useState<DoctorLicenceKind>("practice_license")
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [message, setMessage] = useState<{ error?: string; notice?: string }>({})

  const choose = (files: FileList | null) => {
    const chosen = files?.[0] ?? null
    setFile(chosen)
    setMessage({ error: chosen ? (doctorLicenceFileProblem(chosen) ?? undefined) : undefined })
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const problem = doctorLicenceFileProblem(file)
    if (problem || !file) return setMessage({ error: problem ?? undefined })
    const form = new FormData()
    form.set("kind", kind)
    form.set("file", file, file.name)
    setMessage({})
    setProgress(0)
    const outcome = await uploadWithProgress(
      DOCTOR_LICENCE_UPLOAD_URL,
      form,
      setProgress,
      makeRequest
    )
    setProgress(null)
    if (!outcome.ok) {
      return setMessage({ error: outcome.message.replace(/^Invalid request:\s*/, "") })
    }
    setMessage({ notice: `已上传${KIND_LABEL[kind]}，请等待平台审核` })
    setFile(null)
    if (input.current) input.current.value = ""
    onUploaded()
  }

  const uploading = progress !== null
  return (
    <form className="panel form" onSubmit={submit} data-testid="doctor-licence-upload">
      <h2>上传资质文件</h2>
      <label>
        文件类型
        <select
          name="kind"
          value={kind}
          disabled={uploading}
          onChange={(event) => setKind(event.target.value as DoctorLicenceKind)}
        >
          {DOCTOR_LICENCE_CHOICES.map((choice) => (
            <option key={choice.kind} value={choice.kind}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        证书照片或 PDF（JPG、PNG、PDF，不超过 10 MB）
        <input
          ref={input}
          type="file"
          name="file"
          accept={DOCTOR_LICENCE_LIMITS.accept}
          disabled={uploading}
          onChange={(event) => choose(event.target.files)}
        />
      </label>
      {file && !message.error && (
        <p className="muted">
          {file.name}（{formatFileSize(file.size)}）
        </p>
      )}
      <UploadStatus progress={progress} message={message} />
      <button
        type="submit"
        className="button primary"
        disabled={uploading || !file || !!message.error}
      >
        {uploading ? "上传中…" : "上传"}
      </button>
    </form>
  )
}
