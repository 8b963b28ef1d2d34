import { Text, View } from "@tarojs/components"
import { assessmentStatusLabel, formatDateTime } from "@health/core"
import { StateView } from "../../../components/state-view"
import { assessments } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { session } from "../../../lib/session"
import { useMemberLoad } from "../../../lib/use-member-load"
import { ASSESSMENT_TEXT } from "../assessment-text"
import { GrantForm } from "./grant-form"

/** 检测评估: the member's assessments by experts, newest first, and asking for a new one. */
export default function MyAssessments() {
  const { result, reload } = useMemberLoad((token) => assessments.list(token))
  const token = session.token()
  return (
    <View className="page" data-testid="my-assessments">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(list) => list.length === 0}
        empty={
          <Text className="muted" data-testid="my-assessments-empty">
            {ASSESSMENT_TEXT.empty}
          </Text>
        }
      >
        {(list) => (
          <View className="section">
            {list.map((a) => (
              <View
                key={a.id}
                className="list-item"
                data-testid="assessment-row"
                onClick={() => go(routes.assessment(a.id))}
              >
                <View>
                  <Text>
                    {a.doctor_name ?? "专家"} · {assessmentStatusLabel(a)}
                  </Text>
                  <View>
                    <Text className="muted">
                      申请于 {formatDateTime(a.created_at)} · 授权至 {formatDateTime(a.ends_at)}
                    </Text>
                  </View>
                </View>
                <Text className="muted">›</Text>
              </View>
            ))}
          </View>
        )}
      </StateView>
      {token && result.state !== "loading" ? <GrantForm token={token} /> : null}
    </View>
  )
}
