import {
  ApiError,
  formatCNY,
  formatDateTime,
  PAYMENT_PROVIDER_IDS,
  paymentMethodsFor,
  type ConsultationDetail,
} from "@health/core"
import type { Metadata } from "next"
import { headers } from "next/headers"
import Link from "next/link"
import { notFound } from "next/navigation"
import { payConsultation, sendToDoctor } from "@/app/consult/_lib/consultation-actions"
import { AccountPageHead } from "@/components/account/account-page-head"
import { EscortPayForm } from "@/components/escort/escort-pay-form"
import { consultations, member as memberApi } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { namedForPlace, paymentPlaceFor } from "@/lib/payment-channel"
import { requireMember } from "@/lib/require-member"
import { ArchiveSharing } from "./archive-sharing"
import { AttachmentForm } from "./attachment-form"
import { ConsultationLive } from "./consultation-live"
import { MessageForm } from "./message-form"

export const metadata: Metadata = { title: "问诊详情" }

const FROM: Record<string, string> = { member: "我", doctor: "医生", staff: "平台" }

/** One consultation: the question, paying, the live conversation and the doctor's advice. */
export default async function ConsultationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ asked?: string }>
}) {
  const { id } = await params
  const path = `/account/consultations/${encodeURIComponent(id)}`
  const { token } = await requireMember(path)
  const { asked } = await searchParams
  let consultation: ConsultationDetail
  try {
    consultation = await consultations.get(token, id)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound()
    return (
      <section className="account-page">
        <AccountPageHead title="问诊详情" />
        <p className="form-error" role="alert">
          {memberActionError(error, "consultation").error}
        </p>
      </section>
    )
  }

  let payForm = null
  if (consultation.status === "pending_payment") {
    const place = paymentPlaceFor((await headers()).get("user-agent") ?? "")
    const methods = namedForPlace(
      paymentMethodsFor({
        channel: place,
        registered: Object.values(PAYMENT_PROVIDER_IDS),
        offlineAllowed: false,
      }).filter((method) => method.key !== "offline"),
      place
    )
    const available = await memberApi.affiliate
      .me(token)
      .then((affiliate) => affiliate.balances.available)
      .catch(() => 0)
    payForm = (
      <EscortPayForm
        bookingId={consultation.id}
        amountFen={consultation.price_fen}
        methods={methods}
        availableCredit={available}
        pay={payConsultation}
      />
    )
  }
  const open = consultation.status === "awaiting_doctor" || consultation.status === "in_progress"
  const attachmentHref = (attachmentId: string) =>
    `${path}/attachments/${encodeURIComponent(attachmentId)}`

  return (
    <section className="account-page" data-testid="consultation-page">
      <AccountPageHead title="问诊详情" />
      {open && <ConsultationLive id={consultation.id} />}
      {consultation.mode === "video" && (
        <p>
          <Link href={`${path}/video`} className="button primary" data-testid="open-video-room">
            {open ? "进入视频诊室" : "查看视频通话记录"}
          </Link>
        </p>
      )}
      {asked && consultation.status === "pending_payment" && (
        <p className="form-notice" role="status">
          {consultation.slot
            ? "时段已为您保留，请在 30 分钟内完成支付。"
            : "问题已提交，支付后医生将在承诺时间内回复。"}
        </p>
      )}
      <dl className="detail-list">
        <dt>医生</dt>
        <dd>
          {consultation.doctor?.name} {consultation.doctor?.title} · {consultation.doctor?.hospital}
        </dd>
        <dt>状态</dt>
        <dd data-testid="consultation-status">{consultation.status_label}</dd>
        <dt>费用</dt>
        <dd>{formatCNY(consultation.price_fen / 100)}</dd>
        {consultation.slot && (
          <>
            <dt>预约时段</dt>
            <dd data-testid="consultation-slot">
              {formatDateTime(consultation.slot.start)}–
              {formatDateTime(consultation.slot.end).slice(11)}（北京时间）
            </dd>
          </>
        )}
        {consultation.answer_due_at && consultation.status === "awaiting_doctor" && (
          <>
            <dt>{consultation.slot ? "医生开始" : "承诺回复"}</dt>
            <dd>{formatDateTime(consultation.answer_due_at)} 前，超时自动全额退款</dd>
          </>
        )}
        {consultation.mode === "phone" && (
          <>
            <dt>通话记录</dt>
            <dd data-testid="consultation-calls">
              {(consultation.calls ?? []).length === 0
                ? "医生将在预约时段通过隐私号码来电，请留意接听"
                : (consultation.calls ?? [])
                    .map(
                      (c) =>
                        `${c.started_at ? formatDateTime(c.started_at) : ""} 通话 ${Math.ceil(c.duration_seconds / 60)} 分钟`
                    )
                    .join("；")}
            </dd>
          </>
        )}
        {consultation.status === "refunded" && (
          <>
            <dt>退款</dt>
            <dd>
              {formatCNY((consultation.refund_fen ?? 0) / 100)} · {consultation.refund_reason}
            </dd>
          </>
        )}
      </dl>
      <div className="card">
        <strong>我的问题</strong>
        <p>{consultation.question}</p>
      </div>
      {payForm}
      <ol className="escort-task-list" aria-label="对话">
        {consultation.messages.map((m) => (
          <li key={m.id} className="card">
            <strong>{FROM[m.from] ?? m.from}</strong>{" "}
            <span className="hint">{formatDateTime(m.created_at)}</span>
            {m.text && <p>{m.text}</p>}
            {m.attachment && (
              <a href={attachmentHref(m.attachment.id)} target="_blank" rel="noreferrer">
                {m.attachment.mime_type === "application/pdf" ? "查看 PDF" : "查看图片"}
              </a>
            )}
          </li>
        ))}
      </ol>
      {open && <MessageForm consultationId={consultation.id} send={sendToDoctor} />}
      {open && <AttachmentForm consultationId={consultation.id} />}
      {open && (
        <ArchiveSharing
          token={token}
          consultationId={consultation.id}
          shared={consultation.shared_items}
        />
      )}
      {consultation.advice && (
        <div className="card" data-testid="consultation-advice">
          <h2>医生建议</h2>
          <strong>{consultation.advice.labels.health_advice}</strong>
          <p>{consultation.advice.health_advice}</p>
          {consultation.advice.follow_up_advice && (
            <>
              <strong>{consultation.advice.labels.follow_up_advice}</strong>
              <p>{consultation.advice.follow_up_advice}</p>
            </>
          )}
          <p className="hint">{consultation.advice.disclaimer}</p>
          <p className="hint">已存入您的健康档案。</p>
        </div>
      )}
    </section>
  )
}
