"use client"

import {
  certificateValidUntil,
  cooldownText,
  createEscortTrainingClient,
  type TrainingCourse,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { Markdown } from "@/components/article/markdown"
import { escortRelayOptions } from "@/lib/escort-app-browser"
import { useNow } from "../use-now"

/** The lesson reader: every lesson in order, then 开始考试 (or the cool-down, or the certificate). */
export function CourseReader({ courseId }: { courseId: string }) {
  const api = useMemo(() => createEscortTrainingClient(escortRelayOptions()), [])
  const [course, setCourse] = useState<TrainingCourse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const now = useNow()

  useEffect(() => {
    api
      .course("", courseId)
      .then(setCourse)
      .catch((e: Error) => setError(e.message || "课程加载失败，请稍后重试"))
  }, [api, courseId])

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    )
  if (!course) return <p className="hint">加载中…</p>
  const progress = course.progress
  const countdown = cooldownText(progress?.retry_at ?? null, now)
  const examPath = `/escort-app/training/${encodeURIComponent(course.id)}/exam`
  return (
    <article className="training" data-testid="training-course-reader">
      <p>
        <Link href="/escort-app/training">← 全部课程</Link>
      </p>
      <h1>{course.title}</h1>
      {course.summary ? <p className="hint">{course.summary}</p> : null}
      {progress && progress.lesson_count > 0 ? (
        <p className="hint" data-testid="training-reading">
          已读 {progress.lessons_read}/{progress.lesson_count} 课时，点开课时即记为已读
        </p>
      ) : null}
      {(course.lessons ?? []).length === 0 ? (
        <p className="hint">本课程暂无课时内容，可直接参加考试。</p>
      ) : (
        (course.lessons ?? []).map((lesson) => (
          <details
            key={lesson.key}
            className="training-lesson"
            data-testid="training-lesson"
            onToggle={(event) => {
              // Opening a lesson marks it read (once); the progress line follows.
              if (!event.currentTarget.open || lesson.read) return
              api
                .markLessonRead("", course.id, lesson.key)
                .then(setCourse)
                .catch(() => undefined)
            }}
          >
            <summary>
              <h2>{lesson.title}</h2>
              {lesson.read ? <span className="muted">（已读）</span> : null}
            </summary>
            <Markdown source={lesson.body} />
            {lesson.images.map((image) => (
              // eslint-disable-next-line @next/next/no-img-element -- CMS media, any host
              <img key={image.url} src={image.url} alt={image.alt ?? lesson.title} />
            ))}
            {lesson.video_url ? (
              <p>
                <a href={lesson.video_url} target="_blank" rel="noopener noreferrer">
                  观看视频
                </a>
              </p>
            ) : null}
          </details>
        ))
      )}
      <section className="training-exam-entry">
        <p className="hint">
          考试 {course.exam.question_count} 题，{course.exam.pass_mark_percent} 分及格；未通过需等待{" "}
          {course.exam.retry_cooldown_minutes} 分钟后重考。题目和选项顺序每次随机。
        </p>
        {progress?.certificate && progress.state === "passed" ? (
          <p className="notice" data-testid="training-certificate">
            已通过 · {certificateValidUntil(progress.certificate.expires_at)}
          </p>
        ) : null}
        {countdown ? (
          <p className="error" data-testid="training-cooldown">
            {countdown}
          </p>
        ) : (
          <Link href={examPath} className="button block" data-testid="training-start-exam">
            {progress?.state === "in_progress"
              ? "继续考试"
              : progress?.state === "passed"
                ? "再次考试（复训）"
                : "开始考试"}
          </Link>
        )}
      </section>
    </article>
  )
}
