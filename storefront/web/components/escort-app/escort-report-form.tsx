"use client"

import { ESCORT_REPORT_TYPES, escortReportTypeLabel } from "@health/core"
import { useState } from "react"
import type { EscortAppApi } from "@/lib/escort-app-browser"
import { currentLocation } from "@/lib/browser-location"
import { escortAppError } from "@/lib/escort-app-error"
import { prepareAttachments, type Locate } from "./escort-attachments"
import { EscortPhotoAndPlace, type PhotoAndPlace } from "./escort-photo-and-place"

/**
 * 一键报备: type, what happened, photos and the place, sent to operations (who are alerted at
 * once) after the escort confirms what will be sent.
 */
export function EscortReportForm({
  taskId,
  api,
  locate = currentLocation,
}: {
  taskId: string
  api: EscortAppApi
  locate?: Locate
}) {
  const [open, setOpen] = useState(false)
  const [type, setType] = useState<string>(ESCORT_REPORT_TYPES[0].code)
  const [text, setText] = useState("")
  const [extra, setExtra] = useState<PhotoAndPlace>({ photos: [], withLocation: true })
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<{ error?: string; notice?: string }>({})

  const review = (event: React.FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return setFeedback({ error: "请填写报备内容" })
    setFeedback({})
    setConfirming(true)
  }

  const send = async () => {
    setBusy(true)
    try {
      const { uploadIds, location, locationProblem } = await prepareAttachments(
        api,
        taskId,
        extra,
        locate
      )
      await api.reportToPlatform("", taskId, {
        type,
        text: text.trim(),
        location,
        photo_upload_ids: uploadIds,
      })
      setText("")
      setExtra({ photos: [], withLocation: true })
      setOpen(false)
      setFeedback({
        notice: `已报备，运营已收到提醒${locationProblem ? `（${locationProblem}，未附带位置）` : ""}`,
      })
    } catch (error) {
      setFeedback({ error: escortAppError(error) })
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <section className="card escort-report" data-testid="escort-report">
      <div className="card-body">
        {!open ? (
          <button
            type="button"
            className="button danger block"
            onClick={() => setOpen(true)}
            data-testid="escort-report-open"
          >
            一键报备
          </button>
        ) : confirming ? (
          <div className="escort-report-confirm" data-testid="escort-report-confirm">
            <p>
              确认向平台报备「{escortReportTypeLabel(type)}」？运营将立即收到提醒
              {extra.photos.length > 0 && `，附 ${extra.photos.length} 张照片`}
              {extra.withLocation && "，附当前位置"}。
            </p>
            <blockquote>{text.trim()}</blockquote>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => void send()}
              data-testid="escort-report-send"
            >
              {busy ? "正在报备…" : "确认报备"}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              返回修改
            </button>
          </div>
        ) : (
          <form className="form" onSubmit={review} data-testid="escort-report-form">
            <h2>向平台报备</h2>
            <label>
              报备类型
              <select value={type} onChange={(event) => setType(event.target.value)}>
                {ESCORT_REPORT_TYPES.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              情况说明
              <textarea
                rows={3}
                maxLength={1000}
                value={text}
                onChange={(event) => setText(event.target.value)}
                data-testid="escort-report-text"
              />
            </label>
            <EscortPhotoAndPlace
              value={extra}
              onChange={setExtra}
              maxPhotos={3}
              idPrefix="escort-report"
            />
            <button type="submit" className="button danger">
              下一步
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              取消
            </button>
          </form>
        )}
        {feedback.error && (
          <p className="form-error" role="alert" data-testid="escort-report-error">
            {feedback.error}
          </p>
        )}
        {feedback.notice && (
          <p className="form-notice" role="status" data-testid="escort-report-notice">
            {feedback.notice}
          </p>
        )}
      </div>
    </section>
  )
}
