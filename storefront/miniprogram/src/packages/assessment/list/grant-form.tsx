import { Button, Checkbox, Text, Textarea, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { formatDateTime } from "@health/core"
import { useState } from "react"
import { assessments, consultations, constitution, healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { routes } from "../../../lib/navigate"
import { useLoad } from "../../../lib/use-load"
import { ASSESSMENT_TEXT, GRANT_DAYS } from "../assessment-text"
import { grantInput } from "../grant-input"

export type GrantChoice = { value: string; label: string }

/** The experts and the archive items a member may grant, each read failing soft to none. */
async function grantChoices(token: string) {
  const [doctors, kits, uploads, results] = await Promise.all([
    consultations.doctors().catch(() => []),
    healthArchive
      .listKits(token)
      .then((answer) => answer.kits)
      .catch(() => []),
    healthArchive.uploads(token).catch(() => []),
    constitution
      .history(token)
      .then((history) => history.assessments)
      .catch(() => []),
  ])
  return {
    doctors: doctors.map((d) => ({
      value: d.id,
      label: `${d.name}${d.title ? ` · ${d.title}` : ""}`,
    })),
    items: [
      ...kits
        .filter((kit) => kit.report)
        .map((kit) => ({
          value: `report:${kit.report!.id}`,
          label: `检测报告 · ${kit.product_title}`,
        })),
      ...uploads.map((u) => ({ value: `upload:${u.id}`, label: `医院资料 · ${u.filename}` })),
      ...results.map((r) => ({
        value: `constitution:${r.id}`,
        label: `体质辨识结果 · ${formatDateTime(r.created_at)}`,
      })),
    ] as GrantChoice[],
  }
}

/**
 * 申请检测评估: the expert, what to assess, the archive items to grant, how long, and the
 * consent, separate from any consultation's and withdrawable at any time. Opens the new
 * assessment once commerce recorded it.
 */
export function GrantForm({ token }: { token: string }) {
  const { result } = useLoad(() => grantChoices(token), [token])
  const [doctorId, setDoctorId] = useState<string | null>(null)
  const [question, setQuestion] = useState("")
  const [items, setItems] = useState<string[]>([])
  const [days, setDays] = useState(GRANT_DAYS.initial)
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const choices = result.state === "ready" ? result.data : { doctors: [], items: [] }

  const toggle = (value: string) =>
    setItems((chosen) =>
      chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value]
    )
  const submit = async () => {
    const parsed = grantInput({ doctorId, question, items, days, consent })
    if ("error" in parsed) return setProblem(parsed.error)
    setBusy(true)
    setProblem(null)
    try {
      const assessment = await assessments.grant(token, parsed.input)
      await Taro.redirectTo({ url: routes.assessment(assessment.id) })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section" data-testid="assessment-grant-form">
      <Text className="section__title">{ASSESSMENT_TEXT.grantTitle}</Text>
      <Text className="muted">评估专家</Text>
      {result.state === "ready" && choices.doctors.length === 0 ? (
        <View>
          <Text className="muted" data-testid="assessment-no-doctors">
            {ASSESSMENT_TEXT.noDoctors}
          </Text>
        </View>
      ) : null}
      <View className="chips">
        {choices.doctors.map((d) => (
          <View
            key={d.value}
            className={d.value === doctorId ? "chip chip--active" : "chip"}
            data-testid="assessment-doctor"
            data-active={d.value === doctorId}
            onClick={() => setDoctorId(d.value)}
          >
            <Text>{d.label}</Text>
          </View>
        ))}
      </View>
      <Text className="muted">希望专家评估的内容</Text>
      <Textarea
        className="field__input"
        data-testid="assessment-question"
        maxlength={2000}
        placeholder={ASSESSMENT_TEXT.questionPlaceholder}
        value={question}
        onInput={(e) => setQuestion(e.detail.value)}
      />
      <Text className="muted">授权专家查看的档案资料</Text>
      {result.state === "ready" && choices.items.length === 0 ? (
        <View>
          <Text className="muted" data-testid="assessment-no-items">
            {ASSESSMENT_TEXT.noItems}
          </Text>
        </View>
      ) : null}
      {choices.items.map((item) => (
        <View
          key={item.value}
          className="list-item"
          data-testid="assessment-item"
          onClick={() => toggle(item.value)}
        >
          <Checkbox value={item.value} checked={items.includes(item.value)} />
          <Text>{item.label}</Text>
        </View>
      ))}
      <Text className="muted">授权期限</Text>
      <View className="chips">
        {GRANT_DAYS.choices.map((n) => (
          <View
            key={n}
            className={n === days ? "chip chip--active" : "chip"}
            data-testid="assessment-days"
            onClick={() => setDays(n)}
          >
            <Text>{n} 天</Text>
          </View>
        ))}
      </View>
      <View
        className="list-item"
        data-testid="assessment-consent"
        onClick={() => setConsent((c) => !c)}
      >
        <Checkbox value="consent" checked={consent} />
        <Text className="muted">{ASSESSMENT_TEXT.consent}</Text>
      </View>
      {problem ? (
        <Text className="error-text" data-testid="assessment-grant-error">
          {problem}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        data-testid="assessment-grant-submit"
        disabled={busy}
        onClick={submit}
      >
        {busy ? ASSESSMENT_TEXT.submitting : ASSESSMENT_TEXT.submit}
      </Button>
    </View>
  )
}
