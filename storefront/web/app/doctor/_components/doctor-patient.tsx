"use client"

import { formatDateTime, type PatientDetail } from "@health/core"
import Link from "next/link"
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react"
import { DOCTOR_RELAY_BASE, doctorAppInBrowser, type DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

const MODE_LABELS = { text: "图文", phone: "电话", video: "视频" } as const
const ITEM_LABELS = { report: "检测报告", upload: "上传的病历" } as const

/**
 * 患者档案: the patient's consultations with this doctor, items shared in open ones, the
 * doctor's private notes (never shown to the member) and follow-ups (the member is reminded).
 */
export function DoctorPatient({
  customerId,
  api: given,
}: {
  customerId: string
  api?: DoctorAppApi
}) {
  const api = useMemo(() => given ?? doctorAppInBrowser(), [given])
  const [patient, setPatient] = useState<PatientDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const load = useCallback(
    () => api.patient("", customerId).then(setPatient, (e) => setError(escortAppError(e))),
    [api, customerId]
  )
  useEffect(() => void load(), [load])

  const submit =
    (work: (form: FormData) => Promise<unknown>, done: string) =>
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      const form = event.currentTarget
      setError(null)
      setNotice(null)
      try {
        await work(new FormData(form))
        form.reset()
        setNotice(done)
        await load()
      } catch (e) {
        setError(escortAppError(e))
      }
    }
  const value = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

  if (!patient) return error ? <p className="error">{error}</p> : <p className="hint">加载中…</p>
  return (
    <section data-testid="doctor-patient">
      <h1>{patient.name}</h1>
      <h2>问诊记录</h2>
      <ul>
        {patient.consultations.map((c) => (
          <li key={c.id}>
            <Link href={`/doctor/consultations/${encodeURIComponent(c.id)}`}>
              {formatDateTime(c.paid_at ?? c.created_at)} · {MODE_LABELS[c.mode]}问诊 ·{" "}
              {c.status_label}
            </Link>
          </li>
        ))}
      </ul>
      <h2>共享给您的资料</h2>
      {patient.shared_items.length === 0 ? (
        <p className="hint">当前没有进行中问诊共享的资料。</p>
      ) : (
        <ul>
          {patient.shared_items.map((item) => (
            <li key={item.id}>
              <a href={`${DOCTOR_RELAY_BASE}${item.url}`} target="_blank" rel="noreferrer">
                {ITEM_LABELS[item.item_type]}
              </a>
            </li>
          ))}
        </ul>
      )}

      <h2>复诊安排</h2>
      {patient.follow_ups.length === 0 ? (
        <p className="hint">尚未安排复诊。</p>
      ) : (
        <ul data-testid="doctor-follow-ups">
          {patient.follow_ups.map((f) => (
            <li key={f.id}>
              {f.due_date} · {f.note}
              {f.reminded_at ? "（已提醒）" : ""}
            </li>
          ))}
        </ul>
      )}
      <form
        className="panel form"
        data-testid="doctor-follow-up-form"
        onSubmit={submit(
          (form) =>
            api.scheduleFollowUp("", customerId, {
              date: value(form, "date"),
              note: value(form, "note"),
              ...(patient.consultations[0] && { consultation_id: patient.consultations[0].id }),
            }),
          "复诊已安排，会员将在当天 9:00 收到提醒"
        )}
      >
        <label>
          复诊日期
          <input type="date" name="date" required />
        </label>
        <label>
          复诊说明（会员可见）
          <textarea name="note" required maxLength={500} />
        </label>
        <button type="submit" className="button primary">
          安排复诊
        </button>
      </form>

      <h2>私人笔记（仅您可见）</h2>
      {patient.notes.length === 0 ? (
        <p className="hint">还没有笔记。</p>
      ) : (
        <ul>
          {patient.notes.map((n) => (
            <li key={n.id}>
              {formatDateTime(n.created_at)} · {n.text}
            </li>
          ))}
        </ul>
      )}
      <form
        className="panel form"
        onSubmit={submit(
          (form) => api.addPatientNote("", customerId, value(form, "text")),
          "笔记已保存"
        )}
      >
        <label>
          新笔记
          <textarea name="text" required maxLength={2000} />
        </label>
        <button type="submit" className="button">
          保存笔记
        </button>
      </form>
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
