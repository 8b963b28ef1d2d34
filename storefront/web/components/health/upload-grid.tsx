"use client"

import { formatDateTime, formatFileSize, type ArchiveUpload } from "@health/core"
import { useState, useTransition } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

type Remove = (id: string) => Promise<AccountActionState>

const fileUrl = (upload: ArchiveUpload) =>
  `/api/health-archive/uploads/${encodeURIComponent(upload.id)}/file`

/** 我的资料: uploaded photos as thumbnails and PDFs as icons, each opened in a new tab. */
export function UploadGrid({
  uploads,
  remove,
  confirm = (message) => window.confirm(message),
}: {
  uploads: ArchiveUpload[]
  remove: Remove
  confirm?: (message: string) => boolean
}) {
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<AccountActionState>()
  return (
    <>
      <FormFeedback state={state?.error ? state : undefined} />
      <ul className="upload-grid" data-testid="upload-grid">
        {uploads.map((upload) => (
          <li key={upload.id} className="upload-tile" data-testid="upload-tile">
            <a href={fileUrl(upload)} target="_blank" rel="noopener" className="upload-thumb">
              {upload.kind === "image" ? (
                // eslint-disable-next-line @next/next/no-img-element -- a private file, not optimisable
                <img src={fileUrl(upload)} alt={upload.filename} loading="lazy" />
              ) : (
                <span className="file-icon" aria-label="PDF 文件">
                  PDF
                </span>
              )}
            </a>
            <div className="upload-meta">
              <span className="upload-name" title={upload.filename}>
                {upload.filename}
              </span>
              {upload.note && <span className="upload-note">{upload.note}</span>}
              <span className="muted">
                {formatFileSize(upload.size)} · {formatDateTime(upload.created_at)}
              </span>
            </div>
            <div className="upload-actions">
              <a href={`${fileUrl(upload)}?download=1`} className="link-button">
                下载
              </a>
              <button
                type="button"
                className="link-button danger"
                disabled={pending}
                onClick={() => {
                  if (!confirm(`确定删除「${upload.filename}」吗？删除后无法恢复。`)) return
                  startTransition(async () => setState(await remove(upload.id)))
                }}
              >
                删除
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
