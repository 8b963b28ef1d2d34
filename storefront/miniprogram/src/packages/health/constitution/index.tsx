import { Button, Progress, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  ANSWER_PERIOD,
  ANSWER_SCALE,
  answersForSubmission,
  buildQuestions,
  nextIndex,
  progressOf,
  type ConstitutionAnswers,
  type Questionnaire as QuestionBank,
  type Sex,
} from "@health/core/constitution/index"
import { useMemo, useState } from "react"
import { StateView } from "../../../components/state-view"
import { constitution } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { routes } from "../../../lib/navigate"
import { session } from "../../../lib/session"
import { useLoad } from "../../../lib/use-load"
import { LAST_RESULT_KEY } from "../constitution-report/last-result"

/**
 * 中医体质辨识: one question at a time, in the current version of the question bank, scored
 * by commerce with that version.
 */
export default function ConstitutionTest() {
  const { result, reload } = useLoad(() => constitution.questionnaire())
  return (
    <View className="page" data-testid="constitution-test">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(bank) => bank.items.length === 0}
        empty={<Text>问卷暂未发布</Text>}
      >
        {(bank) => <Questionnaire bank={bank} />}
      </StateView>
    </View>
  )
}

function Questionnaire({ bank }: { bank: QuestionBank }) {
  const { items } = bank
  const [sex, setSex] = useState<Sex | null>(null)
  const [answers, setAnswers] = useState<ConstitutionAnswers>({})
  const [index, setIndex] = useState(0)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const questions = useMemo(() => (sex ? buildQuestions(items, sex) : []), [items, sex])
  const progress = progressOf(questions, answers)

  if (!sex)
    return (
      <View className="section">
        <Text className="section__title">请选择性别</Text>
        <Text className="muted">
          共 {buildQuestions(items, "female").length} 题，约 5 分钟。{ANSWER_PERIOD}
        </Text>
        <View className="row">
          <Button onClick={() => setSex("female")}>女</Button>
          <Button onClick={() => setSex("male")}>男</Button>
        </View>
      </View>
    )

  const question = questions[index]
  async function submit() {
    setBusy(true)
    setProblem(null)
    try {
      const result = await constitution.assess(
        {
          sex: sex!,
          answers: answersForSubmission(questions, answers),
          // Scored with the version answered; one replaced meanwhile is refused (409).
          questionnaireVersion: bank.version,
        },
        session.token()
      )
      Taro.setStorageSync(LAST_RESULT_KEY, result)
      await Taro.redirectTo({
        url: result.id ? routes.constitutionReport(result.id) : routes.constitutionReport("last"),
      })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className="section">
        <Progress percent={progress.percent} strokeWidth={6} activeColor="#0f766e" />
        <Text className="muted">
          第 {index + 1} / {questions.length} 题 · 已答 {progress.answered}
        </Text>
      </View>
      <View className="section" data-testid="question">
        <Text className="section__title">{question.text}</Text>
        {ANSWER_SCALE.map((option) => (
          <View
            key={option.value}
            className={`list-item chip ${answers[question.code] === option.value ? "chip--active" : ""}`}
            onClick={() => {
              const next = { ...answers, [question.code]: option.value }
              setAnswers(next)
              setIndex(nextIndex(questions, next, index))
            }}
          >
            <Text>
              {option.label}（{option.hint}）
            </Text>
          </View>
        ))}
      </View>
      <View className="row">
        <Button size="mini" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          上一题
        </Button>
        <Button
          size="mini"
          disabled={index === questions.length - 1}
          onClick={() => setIndex(index + 1)}
        >
          下一题
        </Button>
      </View>
      {problem ? <Text className="error-text">{problem}</Text> : null}
      {progress.complete ? (
        <Button className="btn-primary" disabled={busy} onClick={submit}>
          {session.token() ? "提交并保存到健康档案" : "提交查看结果"}
        </Button>
      ) : null}
    </View>
  )
}
