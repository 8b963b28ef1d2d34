"use client"

import {
  certificateValidUntil,
  chooseExamOption,
  createEscortTrainingClient,
  unansweredCount,
  type ExamAnswers,
  type ExamAttempt,
  type TrainingCertificate,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useState } from "react"
import { escortRelayOptions } from "@/lib/escort-app-browser"

/**
 * Starts (or resumes) the exam, lets the escort answer every question, submits once, and
 * shows the result: the score, and for each wrong answer what they chose and why it is
 * wrong (the explanation), never the right option itself.
 */
export function ExamSheet({ courseId }: { courseId: string }) {
  const api = useMemo(() => createEscortTrainingClient(escortRelayOptions()), [])
  const [attempt, setAttempt] = useState<ExamAttempt | null>(null)
  const [certificate, setCertificate] = useState<TrainingCertificate | null>(null)
  const [answers, setAnswers] = useState<ExamAnswers>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const coursePath = `/escort-app/training/${encodeURIComponent(courseId)}`

  useEffect(() => {
    api
      .startExam("", courseId)
      .then(setAttempt)
      .catch((e: Error) => setError(e.message || "考试加载失败，请稍后重试"))
  }, [api, courseId])

  if (error && !attempt) {
    return (
      <div className="training" data-testid="training-exam-refused">
        <p className="error" role="alert">
          {error}
        </p>
        <Link href={coursePath}>返回课程</Link>
      </div>
    )
  }
  if (!attempt) return <p className="hint">正在抽取考题…</p>

  const left = unansweredCount(attempt.questions, answers)
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await api.submitExam("", attempt.id, answers)
      setAttempt(result.attempt)
      setCertificate(result.certificate)
      window.scrollTo({ top: 0 })
    } catch (e) {
      setError((e as Error).message || "提交失败，请重试")
    } finally {
      setBusy(false)
    }
  }

  if (attempt.result) {
    const wrong = attempt.questions.filter((question) => !question.right)
    return (
      <div className="training" data-testid="training-exam-result">
        <h1>{attempt.course_title}</h1>
        {attempt.result.passed ? (
          <p className="notice" data-testid="training-exam-passed">
            考试通过！得分 {attempt.result.score_percent} 分（答对 {attempt.result.correct_count}/
            {attempt.result.total}）。
            {certificate
              ? ` 合格证书已发放，${certificateValidUntil(certificate.expires_at)}。`
              : ""}
          </p>
        ) : (
          <p className="error" data-testid="training-exam-failed">
            未通过：得分 {attempt.result.score_percent} 分，及格线 {attempt.pass_mark_percent} 分。
            请复习课程，冷却时间结束后可重考。
          </p>
        )}
        {wrong.length ? (
          <section>
            <h2>答错的题目</h2>
            <ol className="training-review">
              {wrong.map((question) => (
                <li key={question.id} data-testid="training-wrong-answer">
                  <p>
                    <span className="badge">{question.kind_label}</span> {question.stem}
                  </p>
                  <p className="hint">
                    你的选择：
                    {question.options
                      .filter((option) => question.chosen?.includes(option.key))
                      .map((option) => option.text)
                      .join("；") || "未作答"}
                  </p>
                  {question.explanation ? (
                    <p className="training-explanation">解析：{question.explanation}</p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <p>
          <Link href="/escort-app/training" className="button block">
            返回培训考试
          </Link>
        </p>
      </div>
    )
  }

  return (
    <div className="training" data-testid="training-exam">
      <h1>{attempt.course_title}</h1>
      <p className="hint">
        共 {attempt.questions.length} 题，{attempt.pass_mark_percent} 分及格，不限时。
      </p>
      <ol className="training-questions">
        {attempt.questions.map((question) => (
          <li key={question.id} className="training-question" data-testid="training-question">
            <p>
              <span className="badge">{question.kind_label}</span> {question.stem}
            </p>
            {question.options.map((option) => (
              <label key={option.key} className="training-option">
                <input
                  type={question.kind === "single" ? "radio" : "checkbox"}
                  name={question.id}
                  value={option.key}
                  checked={(answers[question.id] ?? []).includes(option.key)}
                  onChange={() =>
                    setAnswers((current) => chooseExamOption(current, question, option.key))
                  }
                />
                {option.text}
              </label>
            ))}
          </li>
        ))}
      </ol>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button block"
        disabled={busy || left > 0}
        onClick={() => void submit()}
        data-testid="training-submit-exam"
      >
        {busy ? "正在交卷…" : left > 0 ? `还有 ${left} 题未作答` : "交卷"}
      </button>
    </div>
  )
}
