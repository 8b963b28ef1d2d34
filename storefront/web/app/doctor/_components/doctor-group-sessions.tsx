"use client"

import { formatDateTime, type GroupSession } from "@health/core"
import Link from "next/link"
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react"
import {
  doctorGroupSessionsInBrowser,
  type DoctorGroupSessionApi,
} from "@/lib/doctor-group-sessions-browser"
import { escortAppError } from "@/lib/escort-app-error"

/** 在线咨询: the expert's sessions and the form that schedules one (times in 北京时间). */
export function DoctorGroupSessions({ api: given }: { api?: DoctorGroupSessionApi }) {
  const api = useMemo(() => given ?? doctorGroupSessionsInBrowser(), [given])
  const [sessions, setSessions] = useState<GroupSession[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(() => {
    api.sessions("").then(setSessions, (e) => setError(escortAppError(e)))
  }, [api])
  useEffect(reload, [reload])

  const schedule = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const field = (name: string) => String(form.get(name) ?? "").trim()
    setBusy(true)
    setError(null)
    try {
      await api.schedule("", {
        title: field("title"),
        topic: field("topic"),
        // datetime-local gives a wall time; commerce reads it as 北京时间.
        starts_at: field("starts_at"),
        ends_at: field("ends_at"),
        capacity: Number(field("capacity")),
      })
      ;(event.target as HTMLFormElement).reset()
      reload()
    } catch (e) {
      setError(escortAppError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section data-testid="doctor-group-sessions">
      <h1>在线咨询</h1>
      <form className="panel form" onSubmit={(e) => void schedule(e)}>
        <h2>安排一场</h2>
        <label>
          标题
          <input name="title" required minLength={2} maxLength={60} />
        </label>
        <label>
          主题介绍
          <textarea name="topic" maxLength={1000} />
        </label>
        <label>
          开始（北京时间）
          <input name="starts_at" type="datetime-local" required />
        </label>
        <label>
          结束（北京时间）
          <input name="ends_at" type="datetime-local" required />
        </label>
        <label>
          人数上限
          <input name="capacity" type="number" min={2} max={1000} defaultValue={100} required />
        </label>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? "提交中…" : "发布"}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {sessions === null && !error && <p className="hint">加载中…</p>}
      {sessions?.length === 0 && <p className="hint">还没有安排在线咨询。</p>}
      <ul className="escort-task-list">
        {sessions?.map((s) => (
          <li key={s.id} className="card">
            <strong>{s.title}</strong> · {s.phase_label}
            <p className="hint">
              {formatDateTime(s.starts_at)} 至 {formatDateTime(s.ends_at)} · 已加入 {s.joined_count}{" "}
              / {s.capacity}
            </p>
            <Link
              href={`/doctor/group-sessions/${encodeURIComponent(s.id)}`}
              className="button small"
            >
              进入控制台
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
