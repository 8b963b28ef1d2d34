import { Button, Text, View } from "@tarojs/components"
import { StateView } from "../../../components/state-view"
import { groupSessions } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { session } from "../../../lib/session"
import { useLoad } from "../../../lib/use-load"
import { GROUP_SESSION_TEXT } from "../group-session-text"
import { sessionWhen } from "../session-line"

/** 专家在线咨询: experts' sessions at set times, soonest first; anyone may look, members join. */
export default function GroupSessions() {
  const { result, reload } = useLoad(() => groupSessions.list(session.token()))
  return (
    <View className="page" data-testid="group-sessions">
      <View className="section">
        <Text className="muted">{GROUP_SESSION_TEXT.intro}</Text>
      </View>
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(list) => list.length === 0}
        empty={
          <Text className="muted" data-testid="group-sessions-empty">
            {GROUP_SESSION_TEXT.empty}
          </Text>
        }
      >
        {(list) => (
          <View>
            {list.map((s) => (
              <View key={s.id} className="section" data-testid="group-session-row">
                <Text className="section__title">
                  {s.title} · {s.phase_label}
                  {s.joined ? " · 已加入" : ""}
                </Text>
                <Text className="muted">{sessionWhen(s)}</Text>
                {s.topic ? (
                  <View>
                    <Text>{s.topic}</Text>
                  </View>
                ) : null}
                <View>
                  <Text className="muted">
                    已加入 {s.joined_count} / {s.capacity} 人
                  </Text>
                </View>
                <Button
                  size="mini"
                  className={s.joined ? "btn-primary" : undefined}
                  data-testid="group-session-open"
                  onClick={() => go(routes.groupSession(s.id))}
                >
                  {s.joined ? "进入直播间" : "查看详情"}
                </Button>
              </View>
            ))}
          </View>
        )}
      </StateView>
    </View>
  )
}
