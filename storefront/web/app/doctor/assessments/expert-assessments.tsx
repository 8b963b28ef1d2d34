"use client"

import {
  ACCESS_LABELS,
  createExpertAssessmentClient,
  formatDateTime,
  type Assessment,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { DOCTOR_RELAY_BASE } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"

export type ExpertAssessmentApi = ReturnType<typeof createExpertAssessmentClient>

/** The expert's client in the browser: through the relay, which adds the doctor's cookie token. */
export function expertAssessmentsInBrowser(): ExpertAssessmentApi {
  return createExpertAssessmentClient({
    baseUrl: DOCTOR_RELAY_BASE,
    publishableKey: "",
    fetch: (input, init = {}) => {
      const { cacheHint: _hint, ...rest } = init
      return fetch(input, { ...rest, credentials: "same-origin", cache: "no-store" })
    },
  })
}

/** 检测评估 at the desk: what members asked this expert for, and where each consent stands. */
export function ExpertAssessments({ api: given }: { api?: ExpertAssessmentApi }) {
  const api = useMemo(() => given ?? expertAssessmentsInBrowser(), [given])
  const [list, setList] = useState<Assessment[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.list("").then(setList, (e) => setError(escortAppError(e)))
  }, [api])
  if (error) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    )
  }
  if (!list) return <p className="hint">加载中…</p>
  if (!list.length) return <p className="hint">还没有会员申请检测评估。</p>
  return (
    <ul className="escort-task-list" data-testid="expert-assessments">
      {list.map((a) => (
        <li key={a.id} className="card">
          <strong>
            {ACCESS_LABELS[a.access]}
            {a.version > 0 ? ` · 已出具第 ${a.version} 版` : " · 待出具报告"}
          </strong>
          <p>{a.question ?? "（授权已结束，内容不再显示）"}</p>
          <p className="hint">
            申请于 {formatDateTime(a.created_at)} · 授权至 {formatDateTime(a.ends_at)}
          </p>
          {a.access === "granted" && (
            <Link href={`/doctor/assessments/${encodeURIComponent(a.id)}`} className="button small">
              打开
            </Link>
          )}
        </li>
      ))}
    </ul>
  )
}
