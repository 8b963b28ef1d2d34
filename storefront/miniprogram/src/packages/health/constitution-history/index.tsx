import { Button, Text, View } from "@tarojs/components"
import {
  constitutionTrend,
  formatDateTime,
  primaryTitle,
  TREND_ARROWS,
  type SavedAssessment,
} from "@health/core"
import { StateView } from "../../../components/state-view"
import { constitution } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"

/** As many results as the web's history shows. */
const HISTORY_LIMIT = 50

/** 体质辨识记录: each type's trend over the member's results, and every report. */
export default function ConstitutionHistory() {
  const { result, reload } = useMemberLoad((token) =>
    constitution.history(token, { limit: HISTORY_LIMIT })
  )
  return (
    <View className="page" data-testid="constitution-history">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(history) => history.assessments.length === 0}
        empty={
          <View>
            <Text>还没有保存的体质辨识结果</Text>
            <Button size="mini" onClick={() => go(routes.constitutionTest)}>
              开始体质辨识
            </Button>
          </View>
        }
      >
        {(history) => (
          <View>
            <Trend history={history.assessments} />
            {history.assessments.map((assessment) => (
              <View
                key={assessment.id}
                className="list-item"
                data-testid="constitution-history-item"
                onClick={() => go(routes.constitutionReport(assessment.id))}
              >
                <Text>
                  {primaryTitle(assessment)} · {formatDateTime(assessment.created_at)}
                </Text>
                <Text className="muted">{assessment.review ? "专家报告已发布" : "待专家评估"}</Text>
              </View>
            ))}
          </View>
        )}
      </StateView>
    </View>
  )
}

/** Each type's latest score and its change since the previous result. */
function Trend({ history }: { history: SavedAssessment[] }) {
  if (history.length < 2) {
    return (
      <Text className="muted" data-testid="trend-single">
        完成两次以上测试后，这里会显示各体质得分的变化趋势。建议每 3–6 个月复测一次。
      </Text>
    )
  }
  return (
    <View className="section" data-testid="trend">
      <Text className="section__title">各体质得分趋势</Text>
      {constitutionTrend(history).types.map((type) => (
        <View key={type.code} className="row" data-testid="trend-row">
          <Text>{type.name}</Text>
          <Text className={type.better === false ? "error-text" : "muted"}>
            {type.latest.toFixed(1)}
            {type.direction ? ` ${TREND_ARROWS[type.direction]}` : ""}
            {type.change !== null && type.change !== 0
              ? ` ${type.change > 0 ? "+" : ""}${type.change.toFixed(1)}`
              : ""}
          </Text>
        </View>
      ))}
    </View>
  )
}
