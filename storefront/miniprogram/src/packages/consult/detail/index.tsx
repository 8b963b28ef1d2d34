import { Button, Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import {
  formatCNY,
  formatDateTime,
  subscribeConsultation,
  type ConsultationDetail,
  type ConsultationMessage,
} from "@health/core"
import { useEffect, useState } from "react"
import { StateView } from "../../../components/state-view"
import { consultations } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"
import { ConsultationAttachment } from "../components/consultation-attachment"
import { CONSULT_TEXT, FROM_LABELS, MODE_LABELS } from "../consult-text"
import { ArchiveSharing } from "./archive-sharing"
import { ConsultationPay } from "./consultation-pay"
import { MessageForm } from "./message-form"

/** Mini-programs have no EventSource: an open consultation is read again this often. */
export const CONSULTATION_POLL_MS = 5000

/** 问诊详情: the question, paying, the conversation in order, the doctor's advice. */
export default function ConsultationPage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const { result, reload } = useMemberLoad(
    async (token) => ({ token, consultation: await consultations.get(token, id) }),
    [id]
  )
  return (
    <View className="page" data-testid="consultation-page">
      <StateView result={result} onRetry={reload}>
        {({ token, consultation }) => (
          <Detail token={token} initial={consultation} asked={params?.asked === "1"} />
        )}
      </StateView>
    </View>
  )
}

const isOpen = (c: ConsultationDetail) =>
  c.status === "awaiting_doctor" || c.status === "in_progress"

function Detail(props: { token: string; initial: ConsultationDetail; asked: boolean }) {
  const [consultation, setConsultation] = useState(props.initial)
  const [problem, setProblem] = useState<string | null>(null)
  const open = isOpen(consultation)
  const refresh = async () => {
    try {
      setConsultation(await consultations.get(props.token, props.initial.id))
      setProblem(null)
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  // While the doctor may write, new messages and status changes are read again.
  useEffect(() => {
    if (!open) return undefined
    return subscribeConsultation({ reload: () => void refresh(), pollMs: CONSULTATION_POLL_MS })
  }, [open, props.token, props.initial.id])

  const add = (sent: ConsultationMessage) =>
    setConsultation((c) =>
      c.messages.some((m) => m.id === sent.id) ? c : { ...c, messages: [...c.messages, sent] }
    )

  return (
    <View>
      {props.asked && consultation.status === "pending_payment" ? (
        <Text className="notice-text" data-testid="consultation-asked">
          {consultation.slot ? CONSULT_TEXT.askedSlot : CONSULT_TEXT.askedText}
        </Text>
      ) : null}
      <View className="section">
        <Text className="section__title">
          {consultation.doctor?.name ?? "医生"} · {MODE_LABELS[consultation.mode]}
        </Text>
        <Text className="muted">
          {" "}
          {[consultation.doctor?.title, consultation.doctor?.hospital].filter(Boolean).join(" · ")}
        </Text>
        <View>
          <Text data-testid="consultation-status">{consultation.status_label}</Text>
          <Text className="price"> {formatCNY(consultation.price_fen / 100)}</Text>
        </View>
        {consultation.slot ? (
          <View>
            <Text data-testid="consultation-slot">
              预约时段：{formatDateTime(consultation.slot.start)}–
              {formatDateTime(consultation.slot.end).slice(11)}（北京时间）
            </Text>
          </View>
        ) : null}
        {consultation.answer_due_at && consultation.status === "awaiting_doctor" ? (
          <View>
            <Text className="muted">
              {consultation.slot ? "医生开始" : "承诺回复"}：
              {formatDateTime(consultation.answer_due_at)} 前，超时自动全额退款
            </Text>
          </View>
        ) : null}
        {consultation.mode === "phone" ? (
          <View>
            <Text className="muted" data-testid="consultation-calls">
              {(consultation.calls ?? []).length === 0
                ? CONSULT_TEXT.phoneCalls
                : (consultation.calls ?? [])
                    .map(
                      (c) =>
                        `${c.started_at ? formatDateTime(c.started_at) : ""} 通话 ${Math.ceil(c.duration_seconds / 60)} 分钟`
                    )
                    .join("；")}
            </Text>
          </View>
        ) : null}
        {consultation.status === "refunded" ? (
          <View>
            <Text className="muted" data-testid="consultation-refund">
              已退款 {formatCNY((consultation.refund_fen ?? 0) / 100)}
              {consultation.refund_reason ? ` · ${consultation.refund_reason}` : ""}
            </Text>
          </View>
        ) : null}
      </View>
      {consultation.mode === "video" ? (
        <Button
          className="btn-primary"
          data-testid="open-video-room"
          onClick={() => go(routes.consultationVideo(consultation.id))}
        >
          {open ? "进入视频诊室" : "查看视频通话记录"}
        </Button>
      ) : null}
      <View className="section">
        <Text className="section__title">我的问题</Text>
        <View>
          <Text data-testid="consultation-question">{consultation.question}</Text>
        </View>
      </View>
      {consultation.status === "pending_payment" ? (
        <ConsultationPay
          token={props.token}
          consultationId={consultation.id}
          amountFen={consultation.price_fen}
          onPaid={refresh}
        />
      ) : null}
      {consultation.messages.length > 0 ? (
        <View className="section" data-testid="consultation-messages">
          <Text className="section__title">对话</Text>
          {consultation.messages.map((m) => (
            <View key={m.id} data-testid="consultation-message" data-from={m.from}>
              <Text>{FROM_LABELS[m.from] ?? m.from}</Text>
              <Text className="muted"> {formatDateTime(m.created_at)}</Text>
              {m.text ? (
                <View>
                  <Text>{m.text}</Text>
                </View>
              ) : null}
              {m.attachment ? (
                <ConsultationAttachment token={props.token} attachment={m.attachment} />
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {problem ? (
        <Text className="error-text" data-testid="consultation-error">
          {problem}
        </Text>
      ) : null}
      {open ? (
        <MessageForm token={props.token} consultationId={consultation.id} onSent={add} />
      ) : null}
      {open ? (
        <ArchiveSharing
          token={props.token}
          consultationId={consultation.id}
          shared={consultation.shared_items}
          onChanged={refresh}
        />
      ) : null}
      {consultation.advice ? (
        <View className="section" data-testid="consultation-advice">
          <Text className="section__title">医生建议</Text>
          <View>
            <Text>{consultation.advice.labels.health_advice}：</Text>
            <Text>{consultation.advice.health_advice}</Text>
          </View>
          {consultation.advice.follow_up_advice ? (
            <View>
              <Text>{consultation.advice.labels.follow_up_advice}：</Text>
              <Text>{consultation.advice.follow_up_advice}</Text>
            </View>
          ) : null}
          <View>
            <Text className="muted">{consultation.advice.disclaimer}</Text>
          </View>
          <Text className="muted">{CONSULT_TEXT.archived}</Text>
        </View>
      ) : null}
    </View>
  )
}
