import { Button, Input, Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import {
  escortMessageAuthor,
  formatDateTime,
  listEscortMessages,
  MAX_ESCORT_MESSAGE_CHARS,
  sendEscortMessage,
  subscribeEscortMessages,
  type EscortMessage,
} from "@health/core"
import { useEffect, useState } from "react"
import { StateView } from "../../../components/state-view"
import { explainError } from "../../../lib/explain-error"
import { escortAppOptions } from "../escort-app-client"
import { chooseTaskPhotos, uploadTaskPhoto } from "../task-attachments"
import { TaskPicture } from "../task-picture"
import { useEscortLoad } from "../use-escort-load"

/** Mini-programs have no EventSource: new messages are read with `?after=` this often. */
export const ESCORT_APP_MESSAGES_POLL_MS = 4000

/** 和家属的消息: the task's conversation, polled; text and pictures, numbers masked by commerce. */
export default function EscortTaskMessagesPage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  // The first read also proves the session (a 401 goes to sign-in).
  const { result, reload } = useEscortLoad(
    async (token) => ({
      token,
      first: await listEscortMessages(escortAppOptions, token, "escort", id),
    }),
    [id]
  )
  return (
    <View className="page" data-testid="escort-task-messages">
      <StateView result={result} onRetry={reload}>
        {({ token, first }) => <Conversation token={token} taskId={id} first={first} />}
      </StateView>
    </View>
  )
}

function Conversation(props: { token: string; taskId: string; first: EscortMessage[] }) {
  const [messages, setMessages] = useState<EscortMessage[]>(props.first)
  const [text, setText] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let seeded = false
    return subscribeEscortMessages({
      // The page's first read is the start; later rounds read only what came after.
      load: async (after) => {
        if (!seeded) {
          seeded = true
          return props.first
        }
        return listEscortMessages(escortAppOptions, props.token, "escort", props.taskId, after)
      },
      onChange: (all) => {
        setMessages(all)
        setProblem(null)
      },
      onError: setProblem,
      pollMs: ESCORT_APP_MESSAGES_POLL_MS,
    })
  }, [props.token, props.taskId, props.first])

  const add = (sent: EscortMessage) =>
    setMessages((current) => (current.some((m) => m.id === sent.id) ? current : [...current, sent]))
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
    } catch (error) {
      setProblem(
        error instanceof Error && !("status" in error) ? error.message : explainError(error)
      )
    } finally {
      setBusy(false)
    }
  }
  const send = () => {
    const trimmed = text.trim()
    if (!trimmed) return setProblem("请输入消息内容")
    void run(async () => {
      add(
        await sendEscortMessage(escortAppOptions, props.token, "escort", props.taskId, {
          text: trimmed,
        })
      )
      setText("")
    })
  }
  const sendPicture = () =>
    run(async () => {
      const [path] = await chooseTaskPhotos(1)
      if (!path) return
      const uploadId = await uploadTaskPhoto(props.token, props.taskId, path)
      add(
        await sendEscortMessage(escortAppOptions, props.token, "escort", props.taskId, {
          image_upload_id: uploadId,
        })
      )
    })

  return (
    <View className="section">
      <Text className="muted">为保护双方隐私，电话号码会自动隐藏；请在平台内沟通。</Text>
      {messages.length === 0 ? (
        <View>
          <Text className="muted" data-testid="escort-task-messages-empty">
            还没有消息。可以先向家属确认见面时间和地点。
          </Text>
        </View>
      ) : (
        messages.map((message) => (
          <View key={message.id} data-testid="escort-task-message" data-from={message.from}>
            <Text>
              {escortMessageAuthor(message, "escort")} · {formatDateTime(message.created_at)}
            </Text>
            {message.text ? (
              <Text data-testid="escort-task-message-text">{message.text}</Text>
            ) : null}
            {message.image_url ? (
              <TaskPicture
                token={props.token}
                imageUrl={message.image_url}
                testId="escort-task-message-image"
              />
            ) : null}
          </View>
        ))
      )}
      <Input
        data-testid="escort-task-message-input"
        value={text}
        maxlength={MAX_ESCORT_MESSAGE_CHARS}
        placeholder="给家属留言"
        onInput={(event) => setText(event.detail.value)}
      />
      <Button
        className="btn-primary"
        data-testid="escort-task-message-send"
        disabled={busy}
        onClick={send}
      >
        发送
      </Button>
      <Button data-testid="escort-task-message-picture" disabled={busy} onClick={sendPicture}>
        发送图片
      </Button>
      {problem ? (
        <Text className="error-text" data-testid="escort-task-messages-error">
          {problem}
        </Text>
      ) : null}
    </View>
  )
}
