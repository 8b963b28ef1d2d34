import { Button, Text, Textarea, View } from "@tarojs/components"
import { useState } from "react"
import { groupSessions } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { GROUP_SESSION_TEXT, QUESTION_CHARS } from "../group-session-text"

/** 向专家提问: 5–300 字; the room sees it once a moderator approves it. */
export function AskForm(props: { token: string; sessionId: string; onAsked: () => Promise<void> }) {
  const [text, setText] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const ask = async () => {
    const trimmed = text.trim()
    setNotice(null)
    if (trimmed.length < QUESTION_CHARS.min || trimmed.length > QUESTION_CHARS.max) {
      return setProblem(GROUP_SESSION_TEXT.askTooShort)
    }
    setBusy(true)
    setProblem(null)
    try {
      await groupSessions.ask(props.token, props.sessionId, trimmed)
      setText("")
      setNotice(GROUP_SESSION_TEXT.asked)
      await props.onAsked()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section" data-testid="group-session-ask">
      <Text className="section__title">向专家提问</Text>
      <Textarea
        className="field__input"
        data-testid="group-session-ask-text"
        maxlength={QUESTION_CHARS.max}
        placeholder={GROUP_SESSION_TEXT.askPlaceholder}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      {problem ? (
        <Text className="error-text" data-testid="group-session-ask-error">
          {problem}
        </Text>
      ) : null}
      {notice ? (
        <Text className="notice-text" data-testid="group-session-ask-notice">
          {notice}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        data-testid="group-session-ask-submit"
        disabled={busy}
        onClick={ask}
      >
        {busy ? GROUP_SESSION_TEXT.asking : GROUP_SESSION_TEXT.ask}
      </Button>
    </View>
  )
}
