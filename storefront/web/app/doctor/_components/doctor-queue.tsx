"use client"

import {
  DOCTOR_QUEUE_TABS,
  formatCNY,
  formatDateTime,
  type Consultation,
  type DoctorQueueTab,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { doctorAppInBrowser, type DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"

type Shown =
  | { state: "loading" }
  | { state: "error"; message: string; signedOut: boolean }
  | { state: "ready"; consultations: Consultation[] }

const EMPTY: Record<DoctorQueueTab, string> = {
  waiting: "暂时没有待接诊的问诊",
  active: "没有进行中的问诊",
  done: "还没有已完成的问诊",
}

/** 问诊队列: 待接诊 (nearest deadline first) / 进行中 / 已完成. */
export function DoctorQueue({ api: given }: { api?: DoctorAppApi }) {
  const api = useMemo(() => given ?? doctorAppInBrowser(), [given])
  const [tab, setTab] = useState<DoctorQueueTab>("waiting")
  const [shown, setShown] = useState<Shown>({ state: "loading" })

  useEffect(() => {
    let live = true
    api.queue("", tab).then(
      (consultations) => live && setShown({ state: "ready", consultations }),
      (error) =>
        live &&
        setShown({ state: "error", message: escortAppError(error), signedOut: isSignedOut(error) })
    )
    return () => {
      live = false
    }
  }, [api, tab])

  return (
    <section data-testid="doctor-queue">
      <h1>问诊队列</h1>
      <div className="tabs" role="tablist">
        {DOCTOR_QUEUE_TABS.map((t) => (
          <button
            key={t.tab}
            role="tab"
            type="button"
            aria-selected={t.tab === tab}
            className={`button small${t.tab === tab ? " primary" : ""}`}
            onClick={() => {
              setShown({ state: "loading" })
              setTab(t.tab)
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {shown.state === "loading" && <p className="hint">加载中…</p>}
      {shown.state === "error" && (
        <p className="error" role="alert">
          {shown.message} {shown.signedOut && <Link href="/doctor/sign-in">重新登录</Link>}
        </p>
      )}
      {shown.state === "ready" && shown.consultations.length === 0 && (
        <p className="hint">{EMPTY[tab]}</p>
      )}
      {shown.state === "ready" && shown.consultations.length > 0 && (
        <ul className="escort-task-list">
          {shown.consultations.map((c) => (
            <li key={c.id} className="card">
              <div className="escort-task-head">
                <strong>图文问诊 · {c.status_label}</strong>
                <span className="escort-task-price">{formatCNY(c.price_fen / 100)}</span>
              </div>
              <p>{c.question.length > 60 ? `${c.question.slice(0, 60)}…` : c.question}</p>
              {c.status === "awaiting_doctor" && c.answer_due_at && (
                <p className="hint">
                  请在 {formatDateTime(c.answer_due_at)} 前回复，超时将自动退款
                </p>
              )}
              <Link
                href={`/doctor/consultations/${encodeURIComponent(c.id)}`}
                className="button small"
              >
                {c.status === "awaiting_doctor" ? "查看并接诊" : "查看"}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
