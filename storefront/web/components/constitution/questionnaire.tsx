"use client"

import {
  ANSWER_PERIOD,
  ANSWER_SCALE,
  answersForSubmission,
  buildQuestions,
  emptyQuestionnaireState,
  formatDateTime,
  hasProgress,
  nextIndex,
  parseQuestionnaireState,
  progressOf,
  QUESTIONNAIRE_STORAGE_KEY,
  serializeQuestionnaireState,
  unansweredCodes,
  type QuestionnaireItemInput,
  type QuestionnaireState,
  type Sex,
} from "@health/core"
import { useRouter } from "next/navigation"
import { useEffect, useMemo, useRef, useState, useTransition } from "react"
import { assessConstitution } from "@/lib/constitution-actions"
import { writeGuestResult } from "./guest-result-storage"
import { useHydrated } from "./use-hydrated"

type Phase = "loading" | "resume" | "sex" | "answering"

const SEX_OPTIONS: { value: Sex; label: string }[] = [
  { value: "female", label: "女" },
  { value: "male", label: "男" },
]

/**
 * The questionnaire: one question per screen on phones, all on one page on wider screens
 * (CSS decides; see constitution.css), with a progress bar, back and forward, and the
 * place kept in localStorage so the test can be finished later.
 */
export function Questionnaire({
  items,
  version,
}: {
  items: QuestionnaireItemInput[]
  /** The question bank version shown; answers kept for another version are not offered. */
  version: number
}) {
  const router = useRouter()
  const storedVersion = String(version)
  const hydrated = useHydrated()
  const [state, setState] = useState<QuestionnaireState>(() =>
    emptyQuestionnaireState(storedVersion)
  )
  // What this browser kept from an earlier visit, read once the page runs in the browser.
  const stored = useMemo(
    () =>
      hydrated
        ? parseQuestionnaireState(localStorage.getItem(QUESTIONNAIRE_STORAGE_KEY), storedVersion)
        : null,
    [hydrated, storedVersion]
  )
  const [chosenPhase, setPhase] = useState<Phase | null>(null)
  const phase: Phase = !hydrated
    ? "loading"
    : (chosenPhase ?? (hasProgress(stored) ? "resume" : "sex"))
  const [problem, setProblem] = useState<string>()
  const [submitting, startSubmit] = useTransition()
  const top = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (phase === "answering") {
      localStorage.setItem(QUESTIONNAIRE_STORAGE_KEY, serializeQuestionnaireState(state))
    }
  }, [state, phase])

  const questions = useMemo(
    () => (state.sex ? buildQuestions(items, state.sex) : []),
    [items, state.sex]
  )
  const progress = progressOf(questions, state.answers)
  const index = Math.min(state.index, Math.max(questions.length - 1, 0))
  const missing = unansweredCodes(questions, state.answers)

  const goTo = (next: number) => {
    setState((s) => ({ ...s, index: next }))
    top.current?.scrollIntoView({ block: "start" })
  }

  const chooseSex = (sex: Sex) => {
    setState((s) => {
      // The sex-specific item's answer belonged to the other wording: ask it again.
      const answers = { ...s.answers }
      if (s.sex && s.sex !== sex) {
        for (const q of buildQuestions(items, s.sex)) if (q.sexSpecific) delete answers[q.code]
      }
      return { ...s, sex, answers }
    })
    setPhase("answering")
  }

  const answer = (code: string, position: number, value: number) => {
    setProblem(undefined)
    setState((s) => {
      const answers = { ...s.answers, [code]: value }
      return { ...s, answers, index: nextIndex(questions, answers, position) }
    })
  }

  const submit = () => {
    if (!state.sex) return
    if (missing.length) {
      const numbers = missing.map((code) => questions.findIndex((q) => q.code === code) + 1)
      setProblem(
        `还有 ${missing.length} 题未作答：第 ${numbers.slice(0, 10).join("、")}${numbers.length > 10 ? " 等" : ""} 题`
      )
      goTo(numbers[0] - 1)
      return
    }
    const sheet = { sex: state.sex, answers: answersForSubmission(questions, state.answers) }
    startSubmit(async () => {
      // Scored with the version answered; one replaced meanwhile is refused (409) with a
      // message asking to reload, which shows the new version's questions.
      const outcome = await assessConstitution({ ...sheet, questionnaireVersion: version })
      if ("error" in outcome) {
        setProblem(outcome.error)
        return
      }
      localStorage.removeItem(QUESTIONNAIRE_STORAGE_KEY)
      if (outcome.result.saved && outcome.result.id) {
        router.push(`/constitution/report/${encodeURIComponent(outcome.result.id)}?saved=1`)
      } else {
        writeGuestResult({ ...sheet, result: outcome.result, at: new Date().toISOString() })
        router.push("/constitution/result")
      }
    })
  }

  if (phase === "loading") return <p className="muted">正在准备问卷…</p>

  if (phase === "resume" && stored) {
    const answered = Object.keys(stored.answers).length
    return (
      <div className="panel resume-panel" data-testid="questionnaire-resume">
        <h2>继续上次的测试？</h2>
        <p>
          您在 {formatDateTime(stored.saved_at)} 已回答 {answered} 题，可以接着答完。
        </p>
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setState(stored)
              setPhase(stored.sex ? "answering" : "sex")
            }}
          >
            继续作答
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              localStorage.removeItem(QUESTIONNAIRE_STORAGE_KEY)
              setState(emptyQuestionnaireState(storedVersion))
              setPhase("sex")
            }}
          >
            重新开始
          </button>
        </div>
      </div>
    )
  }

  if (phase === "sex") {
    return (
      <div className="panel sex-panel" data-testid="questionnaire-sex">
        <h2>请选择您的性别</h2>
        <p className="muted">问卷中有一题按性别提问，其余题目相同。</p>
        <div className="actions">
          {SEX_OPTIONS.map((option) => (
            <button
              key={option.value}
              type="button"
              className={`button${state.sex === option.value ? " primary" : ""}`}
              onClick={() => chooseSex(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
    )
  }

  return (
    <div className="questionnaire" ref={top} data-testid="questionnaire">
      <div className="q-progress" aria-live="polite">
        <div className="q-progress-text">
          <span>
            已答 <strong data-testid="answered-count">{progress.answered}</strong> /{" "}
            {progress.total}
          </span>
          <span className="muted small">
            性别：{SEX_OPTIONS.find((o) => o.value === state.sex)?.label}{" "}
            <button type="button" className="link-button" onClick={() => setPhase("sex")}>
              修改
            </button>
          </span>
        </div>
        <div
          className="progress-bar"
          role="progressbar"
          aria-label="答题进度"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.answered}
        >
          <span style={{ width: `${progress.percent}%` }} />
        </div>
        <p className="muted small">{ANSWER_PERIOD}。答案会自动保存在本机，可随时离开、稍后继续。</p>
      </div>

      <ol className="q-list">
        {questions.map((question, i) => (
          <li
            key={question.code}
            className={`q-item${i === index ? " current" : ""}${state.answers[question.code] ? " answered" : ""}`}
            data-testid={`question-${question.code}`}
          >
            <fieldset>
              <legend>
                <span className="q-number">
                  {i + 1} / {questions.length}
                </span>
                {question.text}
              </legend>
              <div className="q-options">
                {ANSWER_SCALE.map((option) => (
                  <label
                    key={option.value}
                    className={`q-option${state.answers[question.code] === option.value ? " selected" : ""}`}
                  >
                    <input
                      type="radio"
                      name={question.code}
                      value={option.value}
                      checked={state.answers[question.code] === option.value}
                      onChange={() => answer(question.code, i, option.value)}
                    />
                    <span className="q-option-label">{option.label}</span>
                    <span className="q-option-hint">{option.hint}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>

      {problem && (
        <p className="notice error" role="alert" data-testid="questionnaire-problem">
          {problem}
        </p>
      )}

      <div className="q-nav">
        <button
          type="button"
          className="button q-step"
          disabled={index === 0}
          onClick={() => goTo(index - 1)}
        >
          上一题
        </button>
        {index < questions.length - 1 && (
          <button type="button" className="button q-step" onClick={() => goTo(index + 1)}>
            下一题
          </button>
        )}
        <button
          type="button"
          className={`button primary q-submit${progress.complete || index === questions.length - 1 ? " ready" : ""}`}
          onClick={submit}
          disabled={submitting}
          data-testid="submit-questionnaire"
        >
          {submitting ? "正在计算…" : "提交，查看结果"}
        </button>
      </div>
    </div>
  )
}
