"use client"

import {
  escortImageUploadId,
  escortMessageAuthor,
  formatDateTime,
  MAX_ESCORT_IMAGE_BYTES,
  MAX_ESCORT_MESSAGE_CHARS,
  subscribeEscortMessages,
  type EscortMessage,
  type MessageEventSourceLike,
} from "@health/core"
import { useEffect, useRef, useState, type FormEvent } from "react"

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"]

/** The browser's EventSource when it has one; otherwise the subscription polls. */
const browserStream = (url: string) =>
  typeof EventSource === "undefined"
    ? undefined
    : { url, open: (to: string) => new EventSource(to) as unknown as MessageEventSourceLike }

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { message?: string }
  if (!response.ok) throw new Error(body.message ?? "网络繁忙，请稍后重试")
  return body
}

/**
 * Messages between the member and the escort: live on the booking's own event stream (the
 * server relays it with the member's cookie), text and pictures, phone numbers masked by
 * commerce. Pictures load through this site's authorised relay, never a public URL.
 */
export function EscortConversation({
  bookingId,
  fetchJson = fetch,
  subscribe = subscribeEscortMessages,
}: {
  bookingId: string
  fetchJson?: typeof fetch
  subscribe?: typeof subscribeEscortMessages
}) {
  const base = `/api/escort/bookings/${encodeURIComponent(bookingId)}`
  const [messages, setMessages] = useState<EscortMessage[] | null>(null)
  const [problem, setProblem] = useState<string>()
  const [text, setText] = useState("")
  const [sending, setSending] = useState(false)
  const picker = useRef<HTMLInputElement>(null)

  useEffect(
    () =>
      subscribe({
        load: async (after) => {
          const query = after ? `?after=${encodeURIComponent(after)}` : ""
          const body = await readJson<{ messages: EscortMessage[] }>(
            await fetchJson(`${base}/messages${query}`, { cache: "no-store" })
          )
          setProblem(undefined)
          return body.messages
        },
        onChange: (all) => setMessages(all),
        onError: setProblem,
        stream: browserStream(`${base}/stream`),
      }),
    [base, fetchJson, subscribe]
  )

  const send = async (message: { text?: string; image_upload_id?: string }) => {
    const { message: sent } = await readJson<{ message: EscortMessage }>(
      await fetchJson(`${base}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(message),
      })
    )
    setMessages((current) =>
      current?.some((m) => m.id === sent.id) ? current : [...(current ?? []), sent]
    )
  }

  const run = async (work: () => Promise<void>) => {
    setSending(true)
    setProblem(undefined)
    try {
      await work()
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setSending(false)
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (!trimmed) return setProblem("请输入消息内容")
    void run(async () => {
      await send({ text: trimmed })
      setText("")
    })
  }

  const sendPicture = (file: File | undefined) => {
    if (picker.current) picker.current.value = ""
    if (!file) return
    if (!IMAGE_TYPES.includes(file.type)) return setProblem("只能发送 JPG、PNG 或 WebP 图片")
    if (file.size > MAX_ESCORT_IMAGE_BYTES) return setProblem("图片超过 5 MB，请压缩后再发送")
    void run(async () => {
      const form = new FormData()
      form.append("file", file, file.name)
      const { upload } = await readJson<{ upload: { id: string } }>(
        await fetchJson(`${base}/messages/images`, { method: "POST", body: form })
      )
      await send({ image_upload_id: upload.id })
    })
  }

  return (
    <section className="panel" data-testid="escort-conversation">
      <h2>和陪诊员的消息</h2>
      <p className="hint">为保护双方隐私，消息中的电话号码会自动隐藏；请在平台内沟通。</p>
      {messages === null ? (
        <p className="hint" role="status">
          正在读取消息…
        </p>
      ) : messages.length === 0 ? (
        <p className="empty" data-testid="escort-conversation-empty">
          还没有消息。陪诊员接单后，您可以在这里和陪诊员沟通。
        </p>
      ) : (
        <ol className="timeline" data-testid="escort-messages">
          {messages.map((message) => (
            <li key={message.id} data-from={message.from}>
              <strong>{escortMessageAuthor(message, "member")}</strong>{" "}
              <time dateTime={message.created_at}>{formatDateTime(message.created_at)}</time>
              {message.text && <p>{message.text}</p>}
              {message.image_url && (
                // eslint-disable-next-line @next/next/no-img-element -- a private picture through the relay, not an optimisable asset
                <img
                  src={`${base}/messages/images/${encodeURIComponent(escortImageUploadId(message.image_url))}`}
                  alt="消息图片"
                  loading="lazy"
                  style={{ maxWidth: 240, display: "block" }}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      <form className="form" onSubmit={submit}>
        <label>
          <span className="visually-hidden">消息</span>
          <textarea
            name="text"
            rows={2}
            maxLength={MAX_ESCORT_MESSAGE_CHARS}
            placeholder="给陪诊员留言（最多 1000 字）"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={sending}>
            {sending ? "正在发送…" : "发送"}
          </button>
          <label className="button">
            发送图片
            <input
              ref={picker}
              type="file"
              accept={IMAGE_TYPES.join(",")}
              hidden
              disabled={sending}
              data-testid="escort-picture"
              onChange={(event) => sendPicture(event.target.files?.[0])}
            />
          </label>
        </div>
      </form>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
