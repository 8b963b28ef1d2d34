import { Button, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import {
  certificateValidUntil,
  chooseExamOption,
  cooldownText,
  unansweredCount,
  type ExamAnswers,
  type ExamAttempt,
  type ExamQuestion,
  type TrainingCertificate,
} from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { explainError } from "../../../lib/explain-error"
import { escortTraining } from "../escort-training-client"
import { useEscortLoad } from "../use-escort-load"
import { useNow } from "../use-now"

type Graded = {
  attempt: ExamAttempt
  certificate: TrainingCertificate | null
  /** After a failed attempt: when a retry opens (from the course's progress), if known. */
  retryAt: string | null
}

/**
 * The exam: starts (or resumes) it, every question on one page, submits once (confirming when
 * questions are unanswered) and shows the result. During the cool-down commerce refuses to
 * start, and its message is shown.
 */
export default function EscortTrainingExamPage() {
  const { params } = useRouter()
  const courseId = params?.id ?? ""
  const { result, reload } = useEscortLoad(
    async (token) => ({ token, attempt: await escortTraining.startExam(token, courseId) }),
    [courseId]
  )
  return (
    <View className="page" data-testid="escort-training-exam">
      <StateView result={result} onRetry={reload}>
        {({ token, attempt }) =>
          attempt.result ? (
            <ExamResult graded={{ attempt, certificate: null, retryAt: null }} />
          ) : (
            <ExamSheet key={attempt.id} token={token} courseId={courseId} attempt={attempt} />
          )
        }
      </StateView>
    </View>
  )
}

function ExamSheet({
  token,
  courseId,
  attempt,
}: {
  token: string
  courseId: string
  attempt: ExamAttempt
}) {
  const [answers, setAnswers] = useState<ExamAnswers>({})
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [graded, setGraded] = useState<Graded | null>(null)
  if (graded) return <ExamResult graded={graded} />

  const left = unansweredCount(attempt.questions, answers)
  const submit = async () => {
    if (left > 0) {
      const { confirm } = await Taro.showModal({
        title: `还有 ${left} 题未作答`,
        content: "未作答的题目按答错计分，确定交卷吗？",
        confirmText: "交卷",
        cancelText: "继续作答",
      })
      if (!confirm) return
    }
    setBusy(true)
    setProblem(null)
    try {
      const submitted = await escortTraining.submitExam(token, attempt.id, answers)
      let retryAt: string | null = null
      if (!submitted.attempt.result?.passed) {
        // The cool-down's end is on the course's progress, not on the attempt.
        retryAt = await escortTraining
          .course(token, courseId)
          .then((course) => course.progress?.retry_at ?? null)
          .catch(() => null)
      }
      setGraded({ ...submitted, retryAt })
    } catch (error) {
      setProblem(explainError(error, "交卷失败，请重试"))
      return
    } finally {
      setBusy(false)
    }
    // The result is short: start reading it from the top.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  return (
    <View>
      <View className="section">
        <Text className="section__title">{attempt.course_title ?? "培训考试"}</Text>
        <Text className="muted">
          共 {attempt.questions.length} 题，{attempt.pass_mark_percent} 分及格，不限时。
        </Text>
      </View>
      {attempt.questions.map((question) => (
        <QuestionCard
          key={question.id}
          question={question}
          chosen={answers[question.id] ?? []}
          onChoose={(key) => setAnswers((current) => chooseExamOption(current, question, key))}
        />
      ))}
      {problem ? (
        <Text className="error-text" data-testid="escort-training-exam-error">
          {problem}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        disabled={busy}
        onClick={() => void submit()}
        data-testid="escort-training-submit"
      >
        {busy ? "正在交卷…" : left > 0 ? `交卷（还有 ${left} 题未作答）` : "交卷"}
      </Button>
    </View>
  )
}

function QuestionCard({
  question,
  chosen,
  onChoose,
}: {
  question: ExamQuestion
  chosen: string[]
  onChoose: (key: string) => void
}) {
  const single = question.kind === "single"
  return (
    <View className="section" data-testid="escort-training-question">
      <Text className="section__title">
        {question.number}. [{question.kind_label}] {question.stem}
      </Text>
      {question.options.map((option) => {
        const on = chosen.includes(option.key)
        return (
          <View
            key={option.key}
            className={`list-item${on ? " chip--active" : ""}`}
            onClick={() => onChoose(option.key)}
            data-testid="escort-training-option"
            data-chosen={on ? "true" : "false"}
          >
            <Text>
              {single ? (on ? "◉ " : "○ ") : on ? "☑ " : "☐ "}
              {option.text}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

/** The score; a pass with the certificate's date, a fail with the cool-down; wrong answers explained. */
function ExamResult({ graded: { attempt, certificate, retryAt } }: { graded: Graded }) {
  const now = useNow()
  const result = attempt.result!
  const countdown = cooldownText(retryAt, now)
  const wrong = attempt.questions.filter((question) => question.right === false)
  return (
    <View data-testid="escort-training-result">
      <View className="section">
        <Text className="section__title">{attempt.course_title ?? "培训考试"}</Text>
        {result.passed ? (
          <Text className="notice-text" data-testid="escort-training-passed">
            考试通过！得分 {result.score_percent} 分（答对 {result.correct_count}/{result.total}）。
            {certificate
              ? `合格证书已发放，${certificateValidUntil(certificate.expires_at)}。`
              : ""}
          </Text>
        ) : (
          <Text className="error-text" data-testid="escort-training-failed">
            未通过：得分 {result.score_percent} 分（答对 {result.correct_count}/{result.total}
            ），及格线 {attempt.pass_mark_percent} 分。
            {countdown ? `请复习课程，${countdown}。` : "请复习课程，冷却时间结束后可重考。"}
          </Text>
        )}
      </View>
      {wrong.length ? (
        <View className="section">
          <Text className="section__title">答错的题目</Text>
          {wrong.map((question) => (
            <View key={question.id} className="list-item" data-testid="escort-training-wrong">
              <View>
                <Text>
                  {question.number}. [{question.kind_label}] {question.stem}
                </Text>
                <View>
                  <Text className="muted">
                    你的选择：
                    {question.options
                      .filter((option) => question.chosen?.includes(option.key))
                      .map((option) => option.text)
                      .join("；") || "未作答"}
                  </Text>
                </View>
                {question.explanation ? (
                  <View>
                    <Text className="muted">解析：{question.explanation}</Text>
                  </View>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <Button onClick={() => Taro.navigateBack()} data-testid="escort-training-back">
        返回课程
      </Button>
    </View>
  )
}
