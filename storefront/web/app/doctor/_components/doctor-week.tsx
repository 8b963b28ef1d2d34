"use client"

import { formatDateTime, type DoctorSchedule, type ScheduleRule, type SlotMode } from "@health/core"
import { useCallback, useEffect, useMemo, useState } from "react"
import { doctorAppInBrowser, type DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

const DAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
const MODE_LABELS: Record<SlotMode, string> = { phone: "电话", video: "视频" }
type Row = Omit<ScheduleRule, "id">

const blankRow = (): Row => ({
  weekday: 1,
  start: "09:00",
  end: "12:00",
  slot_minutes: 30,
  modes: ["phone", "video"],
  capacity: 1,
})

/**
 * 电话/视频问诊的号源: the weekly windows (saved as a whole week), 停诊/加诊 on single dates,
 * and the next two weeks' slots as members see them (Beijing time).
 */
export function DoctorWeek({ api: given }: { api?: DoctorAppApi }) {
  const api = useMemo(() => given ?? doctorAppInBrowser(), [given])
  const [schedule, setSchedule] = useState<DoctorSchedule | null>(null)
  const [rows, setRows] = useState<Row[]>([])
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(
    () =>
      api.schedule("").then(
        (next) => {
          setSchedule(next)
          setRows(next.rules.map(({ id: _id, ...rule }) => rule))
        },
        (e) => setError(escortAppError(e))
      ),
    [api]
  )
  useEffect(() => void load(), [load])

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      await work()
      await load()
      setNotice(done)
    } catch (e) {
      setError(escortAppError(e))
    } finally {
      setBusy(false)
    }
  }
  const patch = (i: number, change: Partial<Row>) =>
    setRows((all) => all.map((row, j) => (j === i ? { ...row, ...change } : row)))
  const toggleMode = (i: number, mode: SlotMode) =>
    setRows((all) =>
      all.map((row, j) =>
        j !== i
          ? row
          : {
              ...row,
              modes: row.modes.includes(mode)
                ? row.modes.filter((m) => m !== mode)
                : [...row.modes, mode],
            }
      )
    )

  if (!schedule) return error ? <p className="error">{error}</p> : <p className="hint">加载中…</p>
  return (
    <section data-testid="doctor-week">
      <h2>每周号源（电话 / 视频问诊）</h2>
      {rows.length === 0 && (
        <p className="hint">还没有排班：添加时段后会员才能预约电话或视频问诊。</p>
      )}
      {rows.map((row, i) => (
        <fieldset key={i} className="panel form" data-testid="doctor-week-row">
          <label>
            星期
            <select
              value={row.weekday}
              onChange={(e) => patch(i, { weekday: Number(e.target.value) })}
            >
              {DAYS.map((label, d) => (
                <option key={label} value={d + 1}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            开始
            <input
              type="time"
              value={row.start}
              onChange={(e) => patch(i, { start: e.target.value })}
            />
          </label>
          <label>
            结束
            <input
              type="time"
              value={row.end}
              onChange={(e) => patch(i, { end: e.target.value })}
            />
          </label>
          <label>
            每个时段（分钟）
            <input
              type="number"
              min={10}
              max={120}
              value={row.slot_minutes}
              onChange={(e) => patch(i, { slot_minutes: Number(e.target.value) })}
            />
          </label>
          <label>
            每个时段可约人数
            <input
              type="number"
              min={1}
              max={20}
              value={row.capacity}
              onChange={(e) => patch(i, { capacity: Number(e.target.value) })}
            />
          </label>
          {(["phone", "video"] as const).map((mode) => (
            <label key={mode}>
              <input
                type="checkbox"
                checked={row.modes.includes(mode)}
                onChange={() => toggleMode(i, mode)}
              />
              {MODE_LABELS[mode]}
            </label>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
          >
            删除此时段
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => setRows((all) => [...all, blankRow()])}
      >
        添加时段
      </button>{" "}
      <button
        type="button"
        className="button primary"
        disabled={busy}
        onClick={() => void run(() => api.saveWeek("", rows), "每周排班已保存")}
      >
        {busy ? "保存中…" : "保存每周排班"}
      </button>
      <ExceptionForm
        busy={busy}
        onAdd={(input) => run(() => api.addException("", input), "已添加")}
      />
      <h3>停诊 / 加诊</h3>
      {schedule.exceptions.length === 0 ? (
        <p className="hint">没有停诊或加诊安排。</p>
      ) : (
        <ul data-testid="doctor-exceptions">
          {schedule.exceptions.map((e) => (
            <li key={e.id}>
              {e.date} {e.kind === "day_off" ? "停诊" : "加诊"}
              {e.start && e.end ? ` ${e.start}–${e.end}` : e.kind === "day_off" ? "（全天）" : ""}
              {e.note ? ` · ${e.note}` : ""}{" "}
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void run(() => api.removeException("", e.id), "已删除")}
              >
                删除
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>未来两周可预约时段（北京时间）</h3>
      {schedule.slots.length === 0 ? (
        <p className="hint">未来两周没有可预约的时段。</p>
      ) : (
        <ul data-testid="doctor-slots">
          {schedule.slots.map((slot) => (
            <li key={slot.start}>
              {formatDateTime(slot.start)}–{formatDateTime(slot.end).slice(11)} ·{" "}
              {slot.modes.map((m) => MODE_LABELS[m]).join("/")} · 剩余 {slot.remaining}/
              {slot.capacity}
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <p className="hint" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

function ExceptionForm({
  busy,
  onAdd,
}: {
  busy: boolean
  onAdd: (input: {
    date: string
    kind: "day_off" | "extra_hours"
    start?: string
    end?: string
    note?: string
  }) => Promise<unknown>
}) {
  const [date, setDate] = useState("")
  const [kind, setKind] = useState<"day_off" | "extra_hours">("day_off")
  const [start, setStart] = useState("")
  const [end, setEnd] = useState("")
  const [note, setNote] = useState("")
  return (
    <form
      className="panel form"
      data-testid="doctor-exception-form"
      onSubmit={(e) => {
        e.preventDefault()
        void onAdd({
          date,
          kind,
          ...(start && { start }),
          ...(end && { end }),
          ...(note && { note }),
        })
      }}
    >
      <h3>添加停诊或加诊</h3>
      <label>
        日期
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        类型
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="day_off">停诊</option>
          <option value="extra_hours">加诊</option>
        </select>
      </label>
      <label>
        开始（停诊可留空表示全天）
        <input type="time" value={start} onChange={(e) => setStart(e.target.value)} />
      </label>
      <label>
        结束
        <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
      </label>
      <label>
        备注
        <input maxLength={100} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={busy}>
        添加
      </button>
    </form>
  )
}
