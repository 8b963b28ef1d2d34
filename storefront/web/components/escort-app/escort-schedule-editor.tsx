"use client"

import {
  DEFAULT_ESCORT_SCHEDULE,
  ESCORT_WEEKDAYS,
  escortScheduleProblem,
  escortScheduleSummary,
  normalizeEscortSchedule,
  type EscortSchedule,
} from "@health/core"
import { useEffect, useMemo, useState } from "react"
import { escortAppInBrowser, type EscortAppApi } from "@/lib/escort-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

/**
 * 我的排班: the weekdays and Beijing hours the escort takes tasks, and days off. Dispatch and
 * 抢单 respect it: a task outside it cannot be accepted.
 */
export function EscortScheduleEditor({ api: given }: { api?: EscortAppApi }) {
  const api = useMemo(() => given ?? escortAppInBrowser(), [given])
  const [saved, setSaved] = useState<EscortSchedule | null | undefined>(undefined)
  const [draft, setDraft] = useState<EscortSchedule>(DEFAULT_ESCORT_SCHEDULE)
  const [dayOff, setDayOff] = useState("")
  const [busy, setBusy] = useState(false)
  const [feedback, setFeedback] = useState<{ error?: string; notice?: string }>({})

  useEffect(() => {
    api.getEscortSchedule("").then(
      (schedule) => {
        setSaved(schedule)
        if (schedule) setDraft(schedule)
      },
      (error) => {
        setSaved(null)
        setFeedback({ error: escortAppError(error) })
      }
    )
  }, [api])

  const toggleDay = (day: number) =>
    setDraft((d) => ({
      ...d,
      weekdays: d.weekdays.includes(day)
        ? d.weekdays.filter((w) => w !== day)
        : [...d.weekdays, day],
    }))

  const addDayOff = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dayOff)) return setFeedback({ error: "请选择休息日期" })
    setDraft((d) => normalizeEscortSchedule({ ...d, days_off: [...d.days_off, dayOff] }))
    setDayOff("")
    setFeedback({})
  }

  const save = async (event: React.FormEvent) => {
    event.preventDefault()
    const schedule = normalizeEscortSchedule(draft)
    const problem = escortScheduleProblem(schedule)
    if (problem) return setFeedback({ error: problem })
    setBusy(true)
    setFeedback({})
    try {
      const stored = await api.putEscortSchedule("", schedule)
      setSaved(stored)
      setDraft(stored)
      setFeedback({ notice: "排班已保存" })
    } catch (error) {
      setFeedback({ error: escortAppError(error) })
    } finally {
      setBusy(false)
    }
  }

  if (saved === undefined) {
    return (
      <p className="muted" role="status">
        正在读取排班…
      </p>
    )
  }
  return (
    <form className="form card" onSubmit={save} data-testid="escort-schedule">
      <div className="card-body">
        <p className="notice" data-testid="escort-schedule-summary">
          当前：{escortScheduleSummary(saved)}
        </p>
        <fieldset>
          <legend>可接单的日子</legend>
          <div className="chips">
            {ESCORT_WEEKDAYS.map((day) => (
              <label key={day.value} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.weekdays.includes(day.value)}
                  onChange={() => toggleDay(day.value)}
                />
                {day.label}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          开始时间（北京时间）
          <input
            type="time"
            value={draft.start_time}
            onChange={(event) => setDraft({ ...draft, start_time: event.target.value })}
          />
        </label>
        <label>
          结束时间（北京时间）
          <input
            type="time"
            value={draft.end_time}
            onChange={(event) => setDraft({ ...draft, end_time: event.target.value })}
          />
        </label>
        <fieldset>
          <legend>休息日</legend>
          {draft.days_off.length === 0 ? (
            <p className="muted">没有安排休息日</p>
          ) : (
            <ul className="escort-days-off" data-testid="escort-days-off">
              {draft.days_off.map((day) => (
                <li key={day}>
                  {day}{" "}
                  <button
                    type="button"
                    className="button small"
                    onClick={() =>
                      setDraft({ ...draft, days_off: draft.days_off.filter((d) => d !== day) })
                    }
                  >
                    移除
                  </button>
                </li>
              ))}
            </ul>
          )}
          <span className="input-with-button">
            <input
              type="date"
              aria-label="休息日期"
              value={dayOff}
              onChange={(event) => setDayOff(event.target.value)}
            />
            <button type="button" className="button" onClick={addDayOff}>
              添加休息日
            </button>
          </span>
        </fieldset>
        {feedback.error && (
          <p className="form-error" role="alert">
            {feedback.error}
          </p>
        )}
        {feedback.notice && (
          <p className="form-notice" role="status">
            {feedback.notice}
          </p>
        )}
        <button type="submit" className="button primary block" disabled={busy}>
          {busy ? "保存中…" : "保存排班"}
        </button>
      </div>
    </form>
  )
}
