"use client"

import {
  formatDateTime,
  subscribeConsultation,
  type EventSourceLike,
  type GroupSessionConsole,
  type ModeratedGroupQuestion,
} from "@health/core"
import { useCallback, useEffect, useMemo, useState } from "react"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"
import {
  doctorGroupSessionsInBrowser,
  type DoctorGroupSessionApi,
} from "@/lib/doctor-group-sessions-browser"
import { escortAppError } from "@/lib/escort-app-error"

/**
 * The expert's console for one session: questions waiting for approval (公开 / 驳回), the
 * public ones to answer, and the rejected ones; live as members ask.
 */
export function DoctorGroupSessionConsole({
  id,
  api: given,
}: {
  id: string
  api?: DoctorGroupSessionApi
}) {
  const api = useMemo(() => given ?? doctorGroupSessionsInBrowser(), [given])
  const [detail, setDetail] = useState<GroupSessionConsole | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const reload = useCallback(() => {
    api.console("", id).then(setDetail, (e) => setError(escortAppError(e)))
  }, [api, id])

  useEffect(() => {
    reload()
    if (typeof EventSource === "undefined") return subscribeConsultation({ reload })
    return subscribeConsultation({
      reload,
      stream: {
        url: `${DOCTOR_RELAY_BASE}${api.streamPath(id)}`,
        open: (url) => new EventSource(url) as unknown as EventSourceLike,
      },
    })
  }, [api, id, reload])

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await run()
      reload()
    } catch (e) {
      setError(escortAppError(e))
    } finally {
      setBusy(false)
    }
  }

  if (!detail) {
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p className="hint">加载中…</p>
    )
  }
  const s = detail.group_session
  const of = (status: ModeratedGroupQuestion["status"]) =>
    detail.questions.filter((q) => q.status === status)
  const pending = of("pending")
  const approved = of("approved")
  const rejected = of("rejected")

  return (
    <section data-testid="doctor-group-session-console">
      <h1>{s.title}</h1>
      <p className="hint">
        {s.phase_label} · {formatDateTime(s.starts_at)} 至 {formatDateTime(s.ends_at)} · 已加入{" "}
        {s.joined_count} / {s.capacity}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <h2>待审核（{pending.length}）</h2>
      {pending.length === 0 && <p className="hint">暂时没有待审核的问题。</p>}
      <ul className="escort-task-list" data-testid="group-session-pending">
        {pending.map((q) => (
          <li key={q.id} className="card">
            <p>
              <strong>{q.asker}：</strong>
              {q.text}
            </p>
            <button
              type="button"
              className="button small primary"
              disabled={busy}
              onClick={() => void act(() => api.approve("", s.id, q.id))}
            >
              公开
            </button>{" "}
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() => void act(() => api.reject("", s.id, q.id))}
            >
              驳回
            </button>
          </li>
        ))}
      </ul>

      <h2>已公开（{approved.length}）</h2>
      {approved.length === 0 && <p className="hint">还没有公开的问题。</p>}
      <ul className="escort-task-list">
        {approved.map((q) => (
          <li key={q.id} className="card">
            <p>
              <strong>{q.asker}：</strong>
              {q.text}
            </p>
            {q.answer ? (
              <p>
                <strong>解答：</strong>
                {q.answer}
              </p>
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault()
                  void act(() => api.answer("", s.id, q.id, answers[q.id] ?? ""))
                }}
              >
                <textarea
                  aria-label="解答"
                  required
                  maxLength={2000}
                  value={answers[q.id] ?? ""}
                  onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
                />
                <button type="submit" className="button small primary" disabled={busy}>
                  发布解答
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>

      <h2>已驳回（{rejected.length}）</h2>
      {rejected.length === 0 && <p className="hint">没有驳回的问题。</p>}
      <ul className="escort-task-list">
        {rejected.map((q) => (
          <li key={q.id} className="card">
            <p className="hint">
              {q.asker}：{q.text}
              {q.reject_reason && `（${q.reject_reason}）`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
