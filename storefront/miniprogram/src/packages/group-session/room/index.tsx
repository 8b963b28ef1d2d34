import { Button, Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { subscribeConsultation, type GroupSessionRoom } from "@health/core"
import { useEffect, useState } from "react"
import { StateView } from "../../../components/state-view"
import { groupSessions } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { memberEventStream } from "../../../lib/member-event-stream"
import { go, routes } from "../../../lib/navigate"
import { session } from "../../../lib/session"
import { useLoad } from "../../../lib/use-load"
import { GROUP_SESSION_TEXT } from "../group-session-text"
import { sessionWhen } from "../session-line"
import { AskForm } from "./ask-form"

/** Where the room's stream cannot be opened (or gave up), it is read again this often. */
export const GROUP_SESSION_POLL_MS = 5000

/**
 * One session: its details and joining; for a member who joined, the live Q&A room (pushed
 * over the room's stream, as the escort timeline is), asking, and their own questions.
 */
export default function GroupSessionPage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const token = session.token()
  const { result, reload } = useLoad(() => groupSessions.room(id, token), [id, token])
  return (
    <View className="page" data-testid="group-session-room">
      <StateView result={result} onRetry={reload}>
        {(room) => <Room token={token} initial={room} />}
      </StateView>
    </View>
  )
}

function Room(props: { token: string | undefined; initial: GroupSessionRoom }) {
  const [room, setRoom] = useState(props.initial)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const s = room.group_session
  const { token } = props
  const live = !!token && s.joined && s.phase !== "ended"

  const refresh = async () => {
    try {
      setRoom(await groupSessions.room(s.id, token))
      setProblem(null)
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  // Each approved question or answer arrives on the stream; without one the room is polled.
  useEffect(() => {
    if (!live || !token) return undefined
    return subscribeConsultation({
      reload: () => void refresh(),
      stream: memberEventStream(token, groupSessions.streamPath(s.id)),
      pollMs: GROUP_SESSION_POLL_MS,
    })
  }, [live, token, s.id])

  const join = async () => {
    if (!token) return
    setBusy(true)
    setProblem(null)
    try {
      await groupSessions.join(token, s.id)
      setNotice(GROUP_SESSION_TEXT.joined)
      await refresh()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className="section">
        <Text className="section__title" data-testid="group-session-title">
          {s.title}
        </Text>
        <Text className="muted" data-testid="group-session-when">
          {s.phase_label} · {sessionWhen(s, true)}
        </Text>
        {s.topic ? (
          <View>
            <Text>{s.topic}</Text>
          </View>
        ) : null}
        <View>
          <Text className="muted" data-testid="group-session-seats">
            已加入 {s.joined_count} / {s.capacity} 人
          </Text>
        </View>
        {!token ? (
          <Button
            className="btn-primary"
            data-testid="group-session-sign-in"
            onClick={() => go(routes.login(routes.groupSession(s.id)))}
          >
            {GROUP_SESSION_TEXT.signInToJoin}
          </Button>
        ) : null}
        {token && !s.joined && s.phase !== "ended" ? (
          <Button
            className="btn-primary"
            data-testid="group-session-join"
            disabled={busy}
            onClick={join}
          >
            {busy ? GROUP_SESSION_TEXT.joining : GROUP_SESSION_TEXT.join}
          </Button>
        ) : null}
        {!s.joined && s.phase === "ended" ? (
          <Text className="muted">{GROUP_SESSION_TEXT.ended}</Text>
        ) : null}
        {notice ? (
          <Text className="notice-text" data-testid="group-session-notice">
            {notice}
          </Text>
        ) : null}
        {problem ? (
          <Text className="error-text" data-testid="group-session-error">
            {problem}
          </Text>
        ) : null}
      </View>

      {s.joined && token ? (
        <View>
          <View className="section" data-testid="group-session-live">
            <Text className="section__title">直播间</Text>
            {room.questions.length === 0 ? (
              <Text className="muted" data-testid="group-session-no-questions">
                {GROUP_SESSION_TEXT.noQuestions}
              </Text>
            ) : null}
            {room.questions.map((q) => (
              <View key={q.id} data-testid="group-session-question">
                <View>
                  <Text>
                    {q.asker}：{q.text}
                  </Text>
                </View>
                {q.answer ? (
                  <View>
                    <Text data-testid="group-session-answer">专家解答：{q.answer}</Text>
                  </View>
                ) : (
                  <Text className="muted">{GROUP_SESSION_TEXT.waitingAnswer}</Text>
                )}
              </View>
            ))}
          </View>
          {s.questions_open ? (
            <AskForm token={token} sessionId={s.id} onAsked={refresh} />
          ) : (
            <View className="section">
              <Text className="muted" data-testid="group-session-closed">
                {s.phase === "ended" ? GROUP_SESSION_TEXT.ended : GROUP_SESSION_TEXT.notOpenYet}
              </Text>
            </View>
          )}
          <View className="section" data-testid="group-session-mine">
            <Text className="section__title">我的提问</Text>
            {room.my_questions.length === 0 ? (
              <Text className="muted">{GROUP_SESSION_TEXT.noMine}</Text>
            ) : null}
            {room.my_questions.map((q) => (
              <View key={q.id} data-testid="group-session-my-question">
                <Text>{q.text}</Text>
                <View>
                  <Text className="muted">
                    {q.status_label}
                    {q.reject_reason ? `：${q.reject_reason}` : ""}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}
