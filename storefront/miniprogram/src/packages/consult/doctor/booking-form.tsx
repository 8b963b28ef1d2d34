import { Button, Text, Textarea, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  formatCNY,
  formatDateTime,
  type ConsultationMode,
  type ConsultationSlot,
  type Doctor,
} from "@health/core"
import { useState } from "react"
import { consultations } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { session } from "../../../lib/session"
import { CONSULT_TEXT, MODE_LABELS } from "../consult-text"

const MODES: ConsultationMode[] = ["text", "phone", "video"]

/**
 * The question and how to ask it: 图文 without a slot, 电话/视频 with one of the doctor's free
 * slots (Beijing time). A slot another member took a moment earlier comes back as commerce's
 * Chinese 409 message. Paying comes next, on the consultation's page, as on the web.
 */
export function BookingForm(props: { doctor: Doctor; slots: ConsultationSlot[] | null }) {
  const { doctor } = props
  const offered = MODES.filter((mode) => doctor.prices[mode])
  const [mode, setMode] = useState<ConsultationMode | undefined>(offered[0])
  const [slot, setSlot] = useState<string | null>(null)
  const [question, setQuestion] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const token = session.token()

  if (!mode) return null
  if (!token)
    return (
      <Button
        className="btn-primary"
        data-testid="consult-sign-in"
        onClick={() => go(routes.login(routes.consultDoctor(doctor.id)))}
      >
        登录后提问或预约
      </Button>
    )

  const open = mode === "text" ? [] : (props.slots ?? []).filter((s) => s.modes.includes(mode))

  async function submit() {
    const text = question.trim()
    if (text.length < 5) return setProblem(CONSULT_TEXT.questionTooShort)
    if (mode !== "text" && !slot) return setProblem(CONSULT_TEXT.pickSlot)
    setBusy(true)
    setProblem(null)
    try {
      const consultation = await consultations.ask(
        token!,
        mode === "text"
          ? { doctor_id: doctor.id, mode, question: text }
          : { doctor_id: doctor.id, mode: mode!, slot: slot!, question: text }
      )
      await Taro.redirectTo({ url: routes.consultation(consultation.id, true) })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid="consult-booking-form">
      <View className="section">
        <Text className="section__title">问诊方式</Text>
        {offered.map((m) => (
          <View
            key={m}
            className={m === mode ? "list-item list-item--active" : "list-item"}
            data-testid={`consult-mode-${m}`}
            onClick={() => {
              setMode(m)
              setSlot(null)
            }}
          >
            <Text>{MODE_LABELS[m]}</Text>
            <Text className="price">{formatCNY(doctor.prices[m]! / 100)}</Text>
          </View>
        ))}
      </View>
      {mode !== "text" ? (
        <View className="section" data-testid="consult-slots">
          <Text className="section__title">预约时段（北京时间）</Text>
          {props.slots === null ? (
            <Text className="error-text">{CONSULT_TEXT.slotsFailed}</Text>
          ) : open.length === 0 ? (
            <Text className="muted" data-testid="consult-no-slots">
              {CONSULT_TEXT.noSlots(MODE_LABELS[mode])}
            </Text>
          ) : (
            open.map((s) => (
              <View
                key={s.start}
                className={s.start === slot ? "list-item list-item--active" : "list-item"}
                data-testid="consult-slot"
                data-active={s.start === slot}
                onClick={() => setSlot(s.start)}
              >
                <Text>
                  {formatDateTime(s.start)}–{formatDateTime(s.end).slice(11)}
                </Text>
                {s.capacity > 1 ? <Text className="muted">剩余 {s.remaining}</Text> : null}
              </View>
            ))
          )}
          <Text className="muted">{CONSULT_TEXT.slotHold}</Text>
        </View>
      ) : null}
      <View className="section">
        <Text className="section__title">描述您的问题</Text>
        <Textarea
          className="field__input"
          data-testid="consult-question"
          maxlength={2000}
          placeholder={CONSULT_TEXT.questionPlaceholder}
          value={question}
          onInput={(e) => setQuestion(e.detail.value)}
        />
      </View>
      {problem ? (
        <Text className="error-text" data-testid="consult-error">
          {problem}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        data-testid="consult-submit"
        disabled={busy || (mode !== "text" && open.length === 0)}
        onClick={submit}
      >
        {busy ? "提交中…" : mode === "text" ? "提交问题，去支付" : "预约并去支付"}
      </Button>
    </View>
  )
}
