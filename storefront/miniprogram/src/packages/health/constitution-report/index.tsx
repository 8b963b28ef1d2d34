import { Button, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import {
  REVIEW_SECTION_KEYS,
  REVIEW_SECTION_LABELS,
  reportView,
  revisionNotice,
  type ConstitutionResult,
  type SavedAssessment,
} from "@health/core/constitution/index"
import { StateView } from "../../../components/state-view"
import { constitution } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { session } from "../../../lib/session"
import { useLoad } from "../../../lib/use-load"
import { LAST_RESULT_KEY } from "./last-result"

type Shown = ConstitutionResult | SavedAssessment

export default function ConstitutionReport() {
  const { params } = useRouter()
  const id = params?.id ?? "last"
  const { result, reload } = useLoad(async (): Promise<Shown | null> => {
    const token = session.token()
    if (id !== "last" && token) return constitution.assessment(token, id)
    return (Taro.getStorageSync(LAST_RESULT_KEY) as ConstitutionResult) || null
  }, [id])
  return (
    <View className="page" data-testid="constitution-report">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(r) => !r}
        empty={<Text>暂无体质辨识结果</Text>}
      >
        {(shown) => <Report shown={shown!} />}
      </StateView>
    </View>
  )
}

function Report({ shown }: { shown: Shown }) {
  const view = reportView(shown)
  const review = "review" in shown ? shown.review : null
  const revised = review ? revisionNotice(review) : null
  return (
    <View>
      <View className="section">
        <Text className="section__title" data-testid="constitution-title">
          {view.title}
        </Text>
        <Text data-testid="constitution-headline">{view.headline}</Text>
      </View>
      <View className="section">
        {view.rows.map((row) => (
          <View key={row.code} className="list-item">
            <Text>{row.name}</Text>
            <View style={{ flex: 1, margin: "0 16px", background: "#eef2f7", borderRadius: "8px" }}>
              <View
                style={{
                  width: `${Math.min(100, Math.max(0, row.score))}%`,
                  height: "16px",
                  borderRadius: "8px",
                  background: row.applies ? "#0f766e" : "#cbd5e1",
                }}
              />
            </View>
            <Text className="muted">
              {row.scoreText} · {row.verdictWord}
            </Text>
          </View>
        ))}
      </View>
      {review ? (
        <View className="section">
          <Text className="section__title">专家养生建议</Text>
          {revised ? (
            <Text className="muted" data-testid="review-revision">
              {revised.reason ? `${revised.text}：${revised.reason}` : revised.text}
            </Text>
          ) : null}
          {REVIEW_SECTION_KEYS.filter((k) => review.sections[k]).map((k) => (
            <View key={k}>
              <Text className="muted">{REVIEW_SECTION_LABELS[k]}</Text>
              <Text>{review.sections[k]}</Text>
            </View>
          ))}
        </View>
      ) : "saved" in shown && !shown.saved ? (
        <Text className="muted">登录后测试，结果将保存到健康档案，并可获得专家建议。</Text>
      ) : null}
      <Button onClick={() => go(routes.products())}>看看适合我的检测</Button>
    </View>
  )
}
