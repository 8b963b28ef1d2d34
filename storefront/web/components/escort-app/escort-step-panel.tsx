"use client"

import {
  escortStepButtons,
  escortStepPrompts,
  hasDepartmentSop,
  type EscortTask,
  type EscortTaskDetail,
} from "@health/core"
import { useState } from "react"
import { Markdown } from "@/components/article/markdown"
import type { EscortAppApi } from "@/lib/escort-app-browser"
import { currentLocation } from "@/lib/browser-location"
import { escortAppError } from "@/lib/escort-app-error"
import { prepareAttachments, type Locate } from "./escort-attachments"
import { EscortPhotoAndPlace, type PhotoAndPlace } from "./escort-photo-and-place"

const NOTHING: PhotoAndPlace = { photos: [], withLocation: false }

/**
 * The service steps as buttons in order (已出发 → 已到达 → 陪同就医 → 服务完成): only the next
 * one can be pressed, with the prompts for where the escort is now (the meeting point, the
 * hospital's guide, the department's SOP), an optional note, photo and place. Commerce's
 * refusal of a skipped or repeated step is shown as it comes.
 */
export function EscortStepPanel({
  task,
  api,
  onMoved,
  locate = currentLocation,
}: {
  task: EscortTaskDetail
  api: EscortAppApi
  onMoved: (task: EscortTask) => void
  locate?: Locate
}) {
  const [note, setNote] = useState("")
  const [extra, setExtra] = useState<PhotoAndPlace>(NOTHING)
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<{ error?: string; notice?: string }>({})
  const buttons = escortStepButtons(task.status)
  const prompts = escortStepPrompts(task)
  const atHospital = task.status === "arrived" || task.status === "accompanying"

  const press = async (status: (typeof buttons)[number]["status"], label: string) => {
    setBusy(true)
    setFeedback({})
    try {
      const { uploadIds, location, locationProblem } = await prepareAttachments(
        api,
        task.id,
        extra,
        locate
      )
      const moved = await api.progressEscortTask("", task.id, {
        status,
        note: note.trim() || undefined,
        location,
        photo_upload_id: uploadIds[0],
      })
      setNote("")
      setExtra(NOTHING)
      setFeedback({
        notice: locationProblem
          ? `已更新：${label}（${locationProblem}，未附带位置）`
          : `已更新：${label}`,
      })
      onMoved(moved)
    } catch (error) {
      setFeedback({ error: escortAppError(error) })
    } finally {
      setBusy(false)
    }
  }

  const next = buttons.find((button) => button.state === "next")
  return (
    <section className="card escort-step-panel" data-testid="escort-step-panel">
      <div className="card-body">
        <h2>服务进度</h2>
        <ol className="escort-steps">
          {buttons.map((button) => (
            <li key={button.status} data-state={button.state}>
              <button
                type="button"
                className={`button${button.state === "next" ? " primary" : ""}`}
                disabled={busy || button.state !== "next"}
                onClick={() => void press(button.status, button.label)}
                data-testid={`escort-step-${button.status}`}
              >
                {button.state === "done" ? `✓ ${button.label}` : button.label}
              </button>
            </li>
          ))}
        </ol>
        {prompts.length > 0 && (
          <div className="escort-prompts" data-testid="escort-prompts">
            <h3>
              {atHospital
                ? hasDepartmentSop(task)
                  ? `${task.department} 陪诊流程`
                  : "陪诊通用流程"
                : "本步提示"}
            </h3>
            <ol>
              {prompts.map((prompt) => (
                <li key={prompt.title}>
                  <strong>{prompt.title}</strong>
                  {prompt.tips && !prompt.tips.includes("\n") && (
                    <span className="muted">：{prompt.tips}</span>
                  )}
                  {/* The hospital's guide is Markdown from the CMS, over several lines. */}
                  {prompt.tips?.includes("\n") && (
                    <div className="muted">
                      <Markdown source={prompt.tips} />
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </div>
        )}
        {next && (
          <div className="form">
            <label>
              备注（可选）
              <textarea
                rows={2}
                maxLength={500}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                data-testid="escort-step-note"
              />
            </label>
            <EscortPhotoAndPlace value={extra} onChange={setExtra} idPrefix="escort-step" />
          </div>
        )}
        {busy && (
          <p className="muted" role="status">
            正在提交…
          </p>
        )}
        {feedback.error && (
          <p className="form-error" role="alert" data-testid="escort-step-error">
            {feedback.error}
          </p>
        )}
        {feedback.notice && (
          <p className="form-notice" role="status" data-testid="escort-step-notice">
            {feedback.notice}
          </p>
        )}
      </div>
    </section>
  )
}
