"use client"

import { formatDateTime, type PatientSummary } from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { doctorAppInBrowser, type DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

/** 我的患者: the members this doctor has consulted, most recent first. */
export function DoctorPatients({ api: given }: { api?: DoctorAppApi }) {
  const api = useMemo(() => given ?? doctorAppInBrowser(), [given])
  const [patients, setPatients] = useState<PatientSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.patients("").then(setPatients, (e) => setError(escortAppError(e)))
  }, [api])
  if (!patients) return error ? <p className="error">{error}</p> : <p className="hint">加载中…</p>
  return (
    <section data-testid="doctor-patients">
      <h1>我的患者</h1>
      {patients.length === 0 ? (
        <p className="hint">还没有患者：会员付费问诊后会出现在这里。</p>
      ) : (
        <ul>
          {patients.map((p) => (
            <li key={p.customer_id}>
              <Link href={`/doctor/patients/${encodeURIComponent(p.customer_id)}`}>{p.name}</Link> ·
              问诊 {p.consultations} 次 · 最近 {formatDateTime(p.last_consulted_at)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
