"use client"

import { formatFileSize } from "@health/core"
import { useRouter } from "next/navigation"
import { useEffect, useRef, useState } from "react"
import { ARCHIVE_UPLOAD_LIMITS, archiveUploadProblem } from "@/lib/archive-upload-rules"
import { uploadWithProgress, type UploadRequest } from "@/lib/upload-with-progress"
import { UploadStatus } from "../site/upload-status"

type Picked = { file: File; preview: string | null }

/**
 * 上传资料: photos or PDFs of hospital records, previewed before sending, with a progress bar
 * while the browser posts them to our route handler (which adds the member's token).
 */
export function UploadForm({
  endpoint = "/api/health-archive/uploads",
  makeRequest,
  onUploaded,
}: {
  endpoint?: string
  makeRequest?: () => UploadRequest
  /** Defaults to reloading the page's server data, so the new files appear in the grid. */
  onUploaded?: () => void
}) {
  const router = useRouter()
  const input = useRef<HTMLInputElement>(null)
  const [picked, setPicked] = useState<Picked[]>([])
  const [note, setNote] = useState("")
  const [progress, setProgress] = useState<number | null>(null)
  const [message, setMessage] = useState<{ error?: string; notice?: string }>({})

  // Object URLs hold the file in memory until revoked.
  useEffect(
    () => () => picked.forEach((p) => p.preview && URL.revokeObjectURL(p.preview)),
    [picked]
  )

  const choose = (files: FileList | null) => {
    const list = Array.from(files ?? [])
    setMessage({ error: archiveUploadProblem(list) ?? undefined })
    setPicked(
      list.map((file) => ({
        file,
        preview:
          file.type.startsWith("image/") && typeof URL.createObjectURL === "function"
            ? URL.createObjectURL(file)
            : null,
      }))
    )
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const problem = archiveUploadProblem(picked.map((p) => p.file))
    if (problem) return setMessage({ error: problem })
    const form = new FormData()
    picked.forEach((p) => form.append("files", p.file))
    if (note.trim()) form.set("note", note.trim())
    setMessage({})
    setProgress(0)
    const outcome = await uploadWithProgress(endpoint, form, setProgress, makeRequest)
    setProgress(null)
    if (!outcome.ok) return setMessage({ error: outcome.message })
    setMessage({ notice: `已上传 ${picked.length} 个文件` })
    setPicked([])
    setNote("")
    if (input.current) input.current.value = ""
    if (onUploaded) onUploaded()
    else router.refresh()
  }

  const uploading = progress !== null
  return (
    <form className="form upload-form" onSubmit={submit} data-testid="upload-form">
      <label>
        选择照片或 PDF（一次最多 {ARCHIVE_UPLOAD_LIMITS.maxFiles} 个，每个不超过 10 MB）
        <input
          ref={input}
          type="file"
          name="files"
          multiple
          accept={ARCHIVE_UPLOAD_LIMITS.accept}
          disabled={uploading}
          onChange={(event) => choose(event.target.files)}
        />
      </label>
      {picked.length > 0 && (
        <ul className="upload-previews" aria-label="待上传文件">
          {picked.map(({ file, preview }) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              {preview ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local object URL
                <img src={preview} alt={file.name} />
              ) : (
                <span className="file-icon" aria-hidden>
                  PDF
                </span>
              )}
              <span className="upload-name">{file.name}</span>
              <span className="muted">{formatFileSize(file.size)}</span>
            </li>
          ))}
        </ul>
      )}
      <label>
        备注（可选）
        <input
          name="note"
          value={note}
          maxLength={200}
          placeholder="如：2025 年 3 月 岳阳市一医院 体检报告"
          onChange={(event) => setNote(event.target.value)}
          disabled={uploading}
        />
      </label>
      <UploadStatus progress={progress} message={message} />
      <button
        type="submit"
        className="button primary"
        disabled={uploading || picked.length === 0 || !!message.error}
      >
        {uploading ? "上传中…" : "上传"}
      </button>
    </form>
  )
}
