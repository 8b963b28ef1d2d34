"use client"

import { formatDateTime, type Consultation } from "@health/core"
import { useState } from "react"
import type { DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

/**
 * 电话问诊: 拨打 binds a privacy middle number (neither side sees the other's number) and shows
 * it to dial; the provider's call records follow below.
 */
export function DoctorPhoneCall({
  consultation,
  api,
  onCalled,
}: {
  consultation: Consultation
  api: DoctorAppApi
  onCalled: () => void
}) {
  const [number, setNumber] = useState<{ middle_number: string; expires_at: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const open = consultation.status === "awaiting_doctor" || consultation.status === "in_progress"
  const dial = async () => {
    setBusy(true)
    setError(null)
    try {
      setNumber(await api.call("", consultation.id))
      onCalled()
    } catch (e) {
      setError(escortAppError(e))
    } finally {
      setBusy(false)
    }
  }
  const calls = consultation.calls ?? []
  return (
    <div className="card" data-testid="doctor-phone-call">
      <strong>电话问诊</strong>
      {consultation.slot && (
        <p className="hint">
          预约时段：{formatDateTime(consultation.slot.start)}–
          {formatDateTime(consultation.slot.end).slice(11)}（北京时间）
        </p>
      )}
      {open && (
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void dial()}
        >
          {busy ? "正在分配隐私号码…" : "拨打"}
        </button>
      )}
      {number && (
        <p role="status">
          请用您登记的手机拨打 <strong data-testid="middle-number">{number.middle_number}</strong>
          ，号码有效至 {formatDateTime(number.expires_at)}；双方都看不到对方的真实号码。
        </p>
      )}
      {calls.length === 0 ? (
        <p className="hint">暂无通话记录。</p>
      ) : (
        <ul>
          {calls.map((c) => (
            <li key={c.id}>
              {c.started_at ? formatDateTime(c.started_at) : "时间未知"} · 通话{" "}
              {Math.floor(c.duration_seconds / 60)} 分 {c.duration_seconds % 60} 秒
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
