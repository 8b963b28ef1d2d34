import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  escortMessageAuthor,
  formatDateTime,
  listEscortMessages,
  MAX_ESCORT_IMAGE_BYTES,
  MAX_ESCORT_MESSAGE_CHARS,
  sendEscortMessage,
  subscribeEscortMessages,
  type EscortMessage,
} from "@health/core"
import { useEffect, useState } from "react"
import { explainError } from "../../../lib/explain-error"
import { EscortPicture } from "./escort-picture"
import { escortCommerce, uploadEscortPicture } from "./escort-pictures"

/** Mini-programs have no EventSource: new messages are read with `?after=` this often. */
export const ESCORT_MESSAGES_POLL_MS = 4000

/** Messages with the escort: text and pictures, phone numbers masked by commerce. */
export function EscortConversation(props: { token: string; bookingId: string; status: string }) {
  const [messages, setMessages] = useState<EscortMessage[] | null>(null)
  const [text, setText] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const hidden = props.status === "pending_payment"

  useEffect(() => {
    if (hidden) return undefined
    return subscribeEscortMessages({
      load: (after) =>
        listEscortMessages(escortCommerce(), props.token, "member", props.bookingId, after),
      onChange: (all) => {
        setMessages(all)
        setProblem(null)
      },
      onError: setProblem,
      pollMs: ESCORT_MESSAGES_POLL_MS,
    })
  }, [props.token, props.bookingId, hidden])

  if (hidden) return null

  const add = (sent: EscortMessage) =>
    setMessages((current) =>
      current?.some((m) => m.id === sent.id) ? current : [...(current ?? []), sent]
    )
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }
  const send = () => {
    const trimmed = text.trim()
    if (!trimmed) return setProblem("请输入消息内容")
    void run(async () => {
      add(
        await sendEscortMessage(escortCommerce(), props.token, "member", props.bookingId, {
          text: trimmed,
        })
      )
      setText("")
    })
  }
  const sendPicture = () =>
    run(async () => {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ["compressed"] }).catch(
        () => null
      )
      const file = chosen?.tempFiles?.[0]
      if (!file) return
      if (file.size > MAX_ESCORT_IMAGE_BYTES) throw new Error("图片超过 5 MB，请压缩后再发送")
      const uploadId = await uploadEscortPicture(props.token, props.bookingId, file.path)
      add(
        await sendEscortMessage(escortCommerce(), props.token, "member", props.bookingId, {
          image_upload_id: uploadId,
        })
      )
    })

  return (
    <View className="section" data-testid="escort-conversation">
      <Text className="section__title">和陪诊员的消息</Text>
      <Text className="muted">为保护双方隐私，电话号码会自动隐藏；请在平台内沟通。</Text>
      {messages === null ? (
        <Text className="muted">正在读取消息…</Text>
      ) : messages.length === 0 ? (
        <Text className="muted" data-testid="escort-conversation-empty">
          还没有消息。陪诊员接单后，您可以在这里和陪诊员沟通。
        </Text>
      ) : (
        messages.map((message) => (
          <View key={message.id} data-testid="escort-message" data-from={message.from}>
            <Text>
              {escortMessageAuthor(message, "member")} · {formatDateTime(message.created_at)}
            </Text>
            {message.text ? <Text data-testid="escort-message-text">{message.text}</Text> : null}
            {message.image_url ? (
              <EscortPicture
                token={props.token}
                imageUrl={message.image_url}
                testId="escort-message-image"
              />
            ) : null}
          </View>
        ))
      )}
      <Input
        data-testid="escort-message-input"
        value={text}
        maxlength={MAX_ESCORT_MESSAGE_CHARS}
        placeholder="给陪诊员留言"
        onInput={(event) => setText(event.detail.value)}
      />
      <Button data-testid="escort-message-send" disabled={busy} onClick={send}>
        发送
      </Button>
      <Button data-testid="escort-message-picture" disabled={busy} onClick={sendPicture}>
        发送图片
      </Button>
      {problem ? (
        <Text className="error-text" data-testid="escort-conversation-error">
          {problem}
        </Text>
      ) : null}
    </View>
  )
}
