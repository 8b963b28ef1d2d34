"use client"

import {
  formatCNY,
  formatDateTime,
  subscribeConsultation,
  type EventSourceLike,
  type ConsultationDetail,
  type DoctorSharedItem,
} from "@health/core"
import Link from "next/link"
import { useCallback, useEffect, useMemo, useState } from "react"
import { DOCTOR_RELAY_BASE, doctorAppInBrowser, type DoctorAppApi } from "@/lib/doctor-app-browser"
import { escortAppError } from "@/lib/escort-app-error"
import { DoctorPhoneCall } from "./doctor-phone-call"

type Detail = ConsultationDetail<DoctorSharedItem>

const FROM: Record<string, string> = { member: "会员", doctor: "我", staff: "平台" }

/**
 * One consultation at the desk: the question, the conversation (live), the items the member
 * shared, 接诊 / 婉拒 while waiting, and the advice note form (健康建议 / 复诊建议) once taken.
 */
export function DoctorConsultation({ id, api: given }: { id: string; api?: DoctorAppApi }) {
  const api = useMemo(() => given ?? doctorAppInBrowser(), [given])
  const [detail, setDetail] = useState<Detail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reply, setReply] = useState("")
  const [advice, setAdvice] = useState({ health_advice: "", follow_up_advice: "" })
  const [busy, setBusy] = useState(false)

  const reload = useCallback(() => {
    api.consultation("", id).then(setDetail, (e) => setError(escortAppError(e)))
  }, [api, id])

  useEffect(() => {
    reload()
    if (typeof EventSource === "undefined") return subscribeConsultation({ reload })
    return subscribeConsultation({
      reload,
      stream: {
        url: `${DOCTOR_RELAY_BASE}/doctor/consultations/${encodeURIComponent(id)}/events/stream`,
        open: (url) => new EventSource(url) as unknown as EventSourceLike,
      },
    })
  }, [id, reload])

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await run()
      reload()
    } catch (e) {
      setError(escortAppError(e))
    } finally {
      setBusy(false)
    }
  }

  if (!detail) {
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p className="hint">加载中…</p>
    )
  }
  const open = detail.status === "awaiting_doctor" || detail.status === "in_progress"
  return (
    <section data-testid="doctor-consultation">
      <p>
        <Link href="/doctor">← 返回队列</Link>
      </p>
      <h1>
        {{ text: "图文问诊", phone: "电话问诊", video: "视频问诊" }[detail.mode]} ·{" "}
        {detail.status_label}
      </h1>
      <p className="hint">
        {formatCNY(detail.price_fen / 100)}
        {detail.answer_due_at && detail.status === "awaiting_doctor"
          ? ` · 请在 ${formatDateTime(detail.answer_due_at)} 前回复`
          : ""}
      </p>
      {detail.mode === "video" && (
        <p>
          <Link
            href={`/doctor/consultations/${encodeURIComponent(id)}/video`}
            className="button primary"
            data-testid="open-video-room"
          >
            {open ? "进入视频诊室" : "查看视频通话记录"}
          </Link>
        </p>
      )}
      {detail.mode === "phone" && (
        <DoctorPhoneCall consultation={detail} api={api} onCalled={reload} />
      )}
      <div className="card">
        <strong>会员的问题</strong>
        <p>{detail.question}</p>
      </div>
      {detail.shared_items.length > 0 && (
        <div className="card">
          <strong>会员共享的档案资料（仅本次问诊可查看，每次查看都会记录）</strong>
          <ul>
            {detail.shared_items.map((item) => (
              <li key={item.id}>
                <a href={`${DOCTOR_RELAY_BASE}${item.url}`} target="_blank" rel="noreferrer">
                  {item.item_type === "report" ? "检测报告" : "上传的病历资料"}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol className="escort-task-list" aria-label="对话">
        {detail.messages.map((m) => (
          <li key={m.id} className="card">
            <strong>{FROM[m.from] ?? m.from}</strong>{" "}
            <span className="hint">{formatDateTime(m.created_at)}</span>
            {m.text && <p>{m.text}</p>}
            {m.attachment && (
              <a href={`${DOCTOR_RELAY_BASE}${m.attachment.url}`} target="_blank" rel="noreferrer">
                {m.attachment.mime_type === "application/pdf" ? "查看 PDF 附件" : "查看图片"}
              </a>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {detail.status === "awaiting_doctor" && (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void act(() => api.accept("", id))}
          >
            接诊
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act(() => api.decline("", id, "非本专业或暂无法接诊"))}
          >
            婉拒（全额退款）
          </button>
        </div>
      )}
      {open && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault()
            const text = reply.trim()
            if (!text) return
            void act(async () => {
              await api.reply("", id, text)
              setReply("")
            })
          }}
        >
          <label>
            回复会员
            <textarea value={reply} maxLength={1000} onChange={(e) => setReply(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={busy}>
            发送
          </button>
        </form>
      )}
      {detail.status === "in_progress" && (
        <form
          className="form"
          data-testid="advice-form"
          onSubmit={(event) => {
            event.preventDefault()
            void act(() =>
              api.writeAdvice("", id, {
                health_advice: advice.health_advice,
                follow_up_advice: advice.follow_up_advice || undefined,
              })
            )
          }}
        >
          <h2>建议（结束本次问诊）</h2>
          <p className="hint">
            请以健康建议的形式书写，不作诊断、不开处方。提交后将存入会员的健康档案并通知会员。
          </p>
          <label>
            健康建议
            <textarea
              required
              maxLength={2000}
              value={advice.health_advice}
              onChange={(e) => setAdvice({ ...advice, health_advice: e.target.value })}
            />
          </label>
          <label>
            复诊建议（选填）
            <textarea
              maxLength={2000}
              value={advice.follow_up_advice}
              onChange={(e) => setAdvice({ ...advice, follow_up_advice: e.target.value })}
            />
          </label>
          <button type="submit" className="button primary" disabled={busy}>
            提交建议并结束问诊
          </button>
        </form>
      )}
      {detail.advice && (
        <div className="card">
          <strong>{detail.advice.labels.health_advice}</strong>
          <p>{detail.advice.health_advice}</p>
          {detail.advice.follow_up_advice && (
            <>
              <strong>{detail.advice.labels.follow_up_advice}</strong>
              <p>{detail.advice.follow_up_advice}</p>
            </>
          )}
          <p className="hint">{detail.advice.disclaimer}</p>
        </div>
      )}
      {detail.status === "refunded" && <p className="hint">已退款：{detail.refund_reason}</p>}
    </section>
  )
}
