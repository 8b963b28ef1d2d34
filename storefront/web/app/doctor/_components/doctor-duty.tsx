"use client"

import type { DoctorProfile } from "@health/core"
import { useEffect, useMemo, useState } from "react"
import { doctorAppInBrowser, type DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

const DAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]

/**
 * 接诊状态: 图文问诊 needs no slots, but a doctor off duty gets no new consultations. The weekly
 * hours are shown as kept (phone and video consultations will book them).
 */
export function DoctorDuty({ api: given }: { api?: DoctorAppApi }) {
  const api = useMemo(() => given ?? doctorAppInBrowser(), [given])
  const [doctor, setDoctor] = useState<DoctorProfile | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.me("").then(setDoctor, (e) => setError(escortAppError(e)))
  }, [api])
  const toggle = async () => {
    if (!doctor) return
    try {
      setDoctor(await api.setDuty("", !doctor.on_duty))
    } catch (e) {
      setError(escortAppError(e))
    }
  }
  if (!doctor) return error ? <p className="error">{error}</p> : <p className="hint">加载中…</p>
  return (
    <section data-testid="doctor-duty">
      <h1>排班与接诊</h1>
      <p>
        当前状态：<strong>{doctor.on_duty ? "接诊中" : "停诊"}</strong>
      </p>
      <button type="button" className="button primary" onClick={() => void toggle()}>
        {doctor.on_duty ? "停止接诊" : "开始接诊"}
      </button>
      <h2>每周出诊时间</h2>
      <ul>
        {DAYS.map((label, i) => {
          const ranges = doctor.weekly_schedule[String(i + 1)] ?? []
          return (
            <li key={label}>
              {label}：{ranges.length ? ranges.map(([a, b]) => `${a}–${b}`).join("、") : "未排班"}
            </li>
          )
        })}
      </ul>
      {error && <p className="error">{error}</p>}
    </section>
  )
}
