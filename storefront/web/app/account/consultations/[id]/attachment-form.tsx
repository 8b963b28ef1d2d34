"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"

/** 发送图片或 PDF: posts the chosen file to this page's attachment route, then re-reads the page. */
export function AttachmentForm({ consultationId }: { consultationId: string }) {
  const router = useRouter()
  const [state, setState] = useState<{ error?: string; pending?: boolean }>({})
  const send = async (file: File | undefined) => {
    if (!file) return
    setState({ pending: true })
    const form = new FormData()
    form.append("file", file, file.name)
    try {
      const response = await fetch(
        `/account/consultations/${encodeURIComponent(consultationId)}/attachments`,
        { method: "POST", body: form }
      )
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string }
        return setState({ error: body.message ?? "发送失败，请重试" })
      }
      setState({})
      router.refresh()
    } catch {
      setState({ error: "网络繁忙，请稍后重试" })
    }
  }
  return (
    <div className="panel form" data-testid="consult-attachment-form">
      <label>
        发送图片或 PDF（如化验单、舌苔照片，5 MB 以内）
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          disabled={state.pending}
          onChange={(event) => void send(event.target.files?.[0])}
        />
      </label>
      {state.pending && <p className="hint">正在发送…</p>}
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  )
}
