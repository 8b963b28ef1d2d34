"use client"

import {
  certificateValidUntil,
  cooldownText,
  createEscortTrainingClient,
  type TrainingOverview,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { escortRelayOptions } from "@/lib/escort-app-browser"
import { useNow } from "./use-now"

/**
 * The course list: the gate's message while a required course is missing or lapsed, then
 * each course with its scope, exam settings and the escort's standing (certificate date,
 * cool-down countdown, score of the last attempt).
 */
export function TrainingOverviewView() {
  const api = useMemo(() => createEscortTrainingClient(escortRelayOptions()), [])
  const [overview, setOverview] = useState<TrainingOverview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const now = useNow()

  useEffect(() => {
    api
      .overview("")
      .then(setOverview)
      .catch((e: Error) => setError(e.message || "培训课程加载失败，请稍后重试"))
  }, [api])

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    )
  if (!overview) return <p className="hint">加载中…</p>
  return (
    <div className="training" data-testid="training-overview">
      {overview.qualified ? (
        <p className="notice" data-testid="training-qualified">
          必修培训均已通过，可以接单。
        </p>
      ) : (
        <p className="error" data-testid="training-gate">
          {overview.message}
        </p>
      )}
      {overview.courses.length === 0 ? (
        <p className="hint" data-testid="training-empty">
          暂无培训课程，运营发布后会显示在这里。
        </p>
      ) : (
        <ul className="training-courses">
          {overview.courses.map((course) => {
            const progress = course.progress
            const countdown = cooldownText(progress?.retry_at ?? null, now)
            const scope = [course.scope.hospital, course.scope.department, course.scope.specialty]
              .filter(Boolean)
              .join(" · ")
            return (
              <li key={course.id} className="training-course" data-testid="training-course">
                <div className="training-course-head">
                  <Link href={`/escort-app/training/${encodeURIComponent(course.id)}`}>
                    <strong>{course.title}</strong>
                  </Link>
                  {course.required ? <span className="badge">必修</span> : null}
                  <span
                    className={`training-state ${progress?.state ?? "not_started"}`}
                    data-testid="training-course-state"
                  >
                    {progress?.label ?? "未开始"}
                  </span>
                </div>
                {course.summary ? <p className="hint">{course.summary}</p> : null}
                <p className="hint">
                  {scope ? `适用：${scope} · ` : ""}共 {course.lesson_count} 课时
                  {progress && course.lesson_count > 0 ? `（已读 ${progress.lessons_read}）` : ""} ·
                  考试 {course.exam.question_count} 题，{course.exam.pass_mark_percent} 分及格
                  {course.required ? ` · 每 ${course.refresher_months} 个月复训` : ""}
                </p>
                {progress?.certificate ? (
                  <p className="hint" data-testid="training-certificate">
                    合格证书 · {progress.certificate.score_percent} 分 ·{" "}
                    {certificateValidUntil(progress.certificate.expires_at)}
                  </p>
                ) : null}
                {countdown ? (
                  <p className="error" data-testid="training-cooldown">
                    上次考试 {progress?.last_score_percent ?? 0} 分，未通过。{countdown}
                  </p>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
