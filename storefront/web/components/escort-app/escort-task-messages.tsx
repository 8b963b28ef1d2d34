"use client"

import {
  escortMessageAuthor,
  formatDateTime,
  listEscortMessages,
  MAX_ESCORT_IMAGE_BYTES,
  MAX_ESCORT_MESSAGE_CHARS,
  sendEscortMessage,
  subscribeEscortMessages,
  uploadEscortMessageImage,
  type CommerceClientOptions,
  type EscortMessage,
} from "@health/core"
import Link from "next/link"
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react"
import { ESCORT_RELAY_BASE, escortRelayOptions } from "@/lib/escort-app-browser"
import { escortAppError, isSignedOut } from "@/lib/escort-app-error"

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"]

/**
 * The escort's side of a task's conversation with the family: polled through the relay every
 * few seconds (the token stays in the cookie), text and pictures, numbers masked by commerce.
 */
export function EscortTaskMessages({
  taskId,
  client: given,
  pollMs = 4000,
}: {
  taskId: string
  client?: CommerceClientOptions
  pollMs?: number
}) {
  const client = useMemo(() => given ?? escortRelayOptions(), [given])
  const [messages, setMessages] = useState<EscortMessage[] | null>(null)
  const [problem, setProblem] = useState<{ message: string; signedOut: boolean }>()
  const [text, setText] = useState("")
  const [sending, setSending] = useState(false)
  const picker = useRef<HTMLInputElement>(null)

  useEffect(
    () =>
      subscribeEscortMessages({
        load: async (after) => {
          try {
            const read = await listEscortMessages(client, "", "escort", taskId, after)
            setProblem(undefined)
            return read
          } catch (error) {
            // The subscription reports it; a signed-out escort also gets the sign-in link.
            setProblem({ message: escortAppError(error), signedOut: isSignedOut(error) })
            throw new Error(escortAppError(error))
          }
        },
        onChange: (all) => setMessages(all),
        pollMs,
      }),
    [client, taskId, pollMs]
  )

  const run = async (work: () => Promise<void>) => {
    setSending(true)
    setProblem(undefined)
    try {
      await work()
    } catch (error) {
      setProblem({ message: escortAppError(error), signedOut: isSignedOut(error) })
    } finally {
      setSending(false)
    }
  }

  const send = async (message: { text?: string; image_upload_id?: string }) => {
    const sent = await sendEscortMessage(client, "", "escort", taskId, message)
    setMessages((current) =>
      current?.some((m) => m.id === sent.id) ? current : [...(current ?? []), sent]
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (!trimmed) return setProblem({ message: "请输入消息内容", signedOut: false })
    void run(async () => {
      await send({ text: trimmed })
      setText("")
    })
  }

  const sendPicture = (file: File | undefined) => {
    if (picker.current) picker.current.value = ""
    if (!file) return
    if (!IMAGE_TYPES.includes(file.type)) {
      return setProblem({ message: "只能发送 JPG、PNG 或 WebP 图片", signedOut: false })
    }
    if (file.size > MAX_ESCORT_IMAGE_BYTES) {
      return setProblem({ message: "图片超过 5 MB，请压缩后再发送", signedOut: false })
    }
    void run(async () => {
      const upload = await uploadEscortMessageImage(client, "", "escort", taskId, file, file.name)
      await send({ image_upload_id: upload.id })
    })
  }

  return (
    <section className="card" data-testid="escort-task-messages">
      <div className="card-body">
        <h1>和家属的消息</h1>
        <p className="muted">为保护双方隐私，电话号码会自动隐藏；请在平台内沟通。</p>
        {messages === null ? (
          <p className="muted" role="status">
            正在读取消息…
          </p>
        ) : messages.length === 0 ? (
          <p className="empty" data-testid="escort-task-messages-empty">
            还没有消息。可以先向家属确认见面时间和地点。
          </p>
        ) : (
          <ol className="timeline" data-testid="escort-task-message-list">
            {messages.map((message) => (
              <li key={message.id} data-from={message.from}>
                <strong>{escortMessageAuthor(message, "escort")}</strong>{" "}
                <time dateTime={message.created_at}>{formatDateTime(message.created_at)}</time>
                {message.text && <p>{message.text}</p>}
                {message.image_url && (
                  // eslint-disable-next-line @next/next/no-img-element -- a private picture through the relay, not an optimisable asset
                  <img
                    src={`${ESCORT_RELAY_BASE}${message.image_url}`}
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
              rows={2}
              maxLength={MAX_ESCORT_MESSAGE_CHARS}
              placeholder="给家属留言（最多 1000 字）"
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
                data-testid="escort-task-message-picture"
                onChange={(event) => sendPicture(event.target.files?.[0])}
              />
            </label>
          </div>
        </form>
        {problem && (
          <p className="form-error" role="alert" data-testid="escort-task-messages-error">
            {problem.message}
            {problem.signedOut && (
              <>
                {" "}
                <Link href="/escort-app/sign-in">重新登录</Link>
              </>
            )}
          </p>
        )}
        <Link href={`/escort-app/tasks/${encodeURIComponent(taskId)}`} className="button small">
          返回任务详情
        </Link>
      </div>
    </section>
  )
}
