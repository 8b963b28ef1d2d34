"use client"

import {
  escortSopStepButtons,
  formatDateTime,
  type EscortTaskDetail,
  type EscortTimelineEvent,
} from "@health/core"
import { useState } from "react"
import type { EscortAppApi } from "@/lib/escort-app-browser"
import { currentLocation } from "@/lib/browser-location"
import { escortAppError } from "@/lib/escort-app-error"
import { prepareAttachments, type Locate } from "./escort-attachments"
import { EscortPhotoAndPlace, type PhotoAndPlace } from "./escort-photo-and-place"

const NOTHING: PhotoAndPlace = { photos: [], withLocation: false }

/**
 * 陪同就医 step by step: a button per SOP step (挂号, 候诊 … or the department's own), each
 * pressed once with an optional note, photo and place; the member's timeline shows it at once.
 * A step already recorded shows its time. Commerce's refusal is shown as it comes.
 */
export function EscortSopStepPanel({
  task,
  api,
  onRecorded,
  locate = currentLocation,
}: {
  task: EscortTaskDetail
  api: EscortAppApi
  onRecorded: (event: EscortTimelineEvent) => void
  locate?: Locate
}) {
  const [note, setNote] = useState("")
  const [extra, setExtra] = useState<PhotoAndPlace>(NOTHING)
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<{ error?: string; notice?: string }>({})
  const steps = escortSopStepButtons(task)

  const record = async (step: string) => {
    setBusy(true)
    setFeedback({})
    try {
      const { uploadIds, location, locationProblem } = await prepareAttachments(
        api,
        task.id,
        extra,
        locate
      )
      const event = await api.recordEscortSopStep("", task.id, {
        step,
        note: note.trim() || undefined,
        location,
        photo_upload_ids: uploadIds,
      })
      setNote("")
      setExtra(NOTHING)
      setFeedback({
        notice: locationProblem
          ? `已记录：${step}（${locationProblem}，未附带位置）`
          : `已记录：${step}`,
      })
      onRecorded(event)
    } catch (error) {
      setFeedback({ error: escortAppError(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card escort-sop-step-panel" data-testid="escort-sop-step-panel">
      <div className="card-body">
        <h2>就医步骤</h2>
        <p className="muted">每完成一步点一下，家属会实时看到。</p>
        <ol className="escort-steps">
          {steps.map((step) => (
            <li key={step.name} data-state={step.done_at ? "done" : "todo"}>
              <button
                type="button"
                className={`button${step.pressable ? " primary" : ""}`}
                disabled={busy || !step.pressable}
                onClick={() => void record(step.name)}
                data-testid="escort-sop-step"
                data-step={step.name}
              >
                {step.done_at ? `✓ ${step.name}` : step.name}
              </button>
              {step.done_at && (
                <time className="muted" dateTime={step.done_at}>
                  {" "}
                  {formatDateTime(step.done_at)}
                </time>
              )}
            </li>
          ))}
        </ol>
        <div className="form">
          <label>
            步骤备注（可选）
            <textarea
              rows={2}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid="escort-sop-step-note"
            />
          </label>
          <EscortPhotoAndPlace value={extra} onChange={setExtra} idPrefix="escort-sop-step" />
        </div>
        {busy && (
          <p className="muted" role="status">
            正在提交…
          </p>
        )}
        {feedback.error && (
          <p className="form-error" role="alert" data-testid="escort-sop-step-error">
            {feedback.error}
          </p>
        )}
        {feedback.notice && (
          <p className="form-notice" role="status" data-testid="escort-sop-step-notice">
            {feedback.notice}
          </p>
        )}
      </div>
    </section>
  )
}
