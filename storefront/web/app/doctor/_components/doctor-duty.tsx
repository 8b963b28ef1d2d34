"use client"

import type { DoctorProfile } from "@health/core"
import { useEffect, useMemo, useState } from "react"
import { doctorAppInBrowser, type DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

/** 接诊状态: a doctor off duty gets no new consultations and offers no slots (see DoctorWeek). */
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
      {error && <p className="error">{error}</p>}
    </section>
  )
}
