import { Button, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import {
  ACCESS_LABELS,
  assessmentReadLabel,
  formatDateTime,
  type MemberAssessmentDetail,
} from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { assessments } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"
import { ASSESSMENT_TEXT } from "../assessment-text"
import { openAssessmentPdf } from "./assessment-pdf"

/**
 * One assessment: the consent (withdrawable), the newest report with its recommendations and
 * every version's PDF, the items granted and every time the expert opened one.
 */
export default function AssessmentPage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const { result, reload } = useMemberLoad(
    async (token) => ({ token, detail: await assessments.detail(token, id) }),
    [id]
  )
  return (
    <View className="page" data-testid="assessment-detail">
      <StateView result={result} onRetry={reload}>
        {({ token, detail }) => <Detail token={token} detail={detail} onChanged={reload} />}
      </StateView>
    </View>
  )
}

function Detail(props: { token: string; detail: MemberAssessmentDetail; onChanged: () => void }) {
  const { assessment, doctor, items, versions, reads } = props.detail
  const latest = versions[versions.length - 1]
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: ASSESSMENT_TEXT.withdraw,
      content: ASSESSMENT_TEXT.withdrawConfirm,
    })
    if (!confirm) return
    setBusy(true)
    setProblem(null)
    try {
      await assessments.withdraw(props.token, assessment.id)
      Taro.showToast({ title: ASSESSMENT_TEXT.withdrawn, icon: "none" })
      props.onChanged()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className="section">
        <Text className="section__title">
          {[doctor.name, doctor.title, doctor.hospital].filter(Boolean).join(" · ")}
        </Text>
        <Text data-testid="assessment-question-text">{assessment.question}</Text>
        <View>
          <Text className="muted" data-testid="assessment-consent-state">
            {ACCESS_LABELS[assessment.access]} · 授权至 {formatDateTime(assessment.ends_at)}
          </Text>
        </View>
        {assessment.access === "granted" ? (
          <Button size="mini" data-testid="assessment-withdraw" disabled={busy} onClick={withdraw}>
            {ASSESSMENT_TEXT.withdraw}
          </Button>
        ) : null}
        {problem ? (
          <Text className="error-text" data-testid="assessment-error">
            {problem}
          </Text>
        ) : null}
      </View>

      {latest ? (
        <View className="section" data-testid="assessment-report">
          <Text className="section__title">{latest.title}</Text>
          <Text className="muted">
            第 {latest.version} 版 · {latest.expert_name} · {formatDateTime(latest.published_at)}
            {latest.reason ? ` · 修订说明：${latest.reason}` : ""}
          </Text>
          {latest.sections.map((section, index) => (
            <View key={index} data-testid="assessment-section">
              <Text className="section__title">{section.heading}</Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{section.body}</Text>
            </View>
          ))}
          {latest.recommendations.length > 0 ? (
            <View>
              <Text className="section__title">推荐商品与文章</Text>
              {latest.recommendations.map((r) => (
                <View
                  key={`${r.kind}:${r.ref_id}`}
                  className="list-item"
                  data-testid="assessment-recommendation"
                  onClick={() =>
                    go(r.kind === "product" ? routes.product(r.ref_id) : routes.article(r.ref_id))
                  }
                >
                  <Text>
                    {r.kind === "product" ? "商品" : "文章"} · {r.title}
                    {r.reason ? ` · ${r.reason}` : ""}
                  </Text>
                  <Text className="muted">›</Text>
                </View>
              ))}
            </View>
          ) : null}
          <Text className="section__title">历史版本</Text>
          {versions.map((v) => (
            <View key={v.version} className="list-item" data-testid="assessment-version">
              <Text>
                第 {v.version} 版 · {formatDateTime(v.published_at)}
                {v.reason ? ` · ${v.reason}` : ""}
              </Text>
              <Button
                size="mini"
                data-testid="assessment-pdf"
                onClick={() => openAssessmentPdf(props.token, assessment.id, v.version)}
              >
                查看 PDF
              </Button>
            </View>
          ))}
        </View>
      ) : (
        <View className="section">
          <Text className="muted" data-testid="assessment-waiting">
            {ASSESSMENT_TEXT.waiting}
          </Text>
        </View>
      )}

      <View className="section">
        <Text className="section__title">授权的档案资料</Text>
        {items.map((item) => (
          <View key={item.id} data-testid="assessment-granted-item">
            <Text>
              {item.label}
              {item.withdrawn_at ? "（已收回）" : ""}
            </Text>
          </View>
        ))}
      </View>
      <View className="section">
        <Text className="section__title">专家查看记录</Text>
        {reads.length === 0 ? (
          <Text className="muted" data-testid="assessment-no-reads">
            {ASSESSMENT_TEXT.noReads}
          </Text>
        ) : (
          reads.map((read, index) => (
            <View key={index} data-testid="assessment-read">
              <Text>
                {formatDateTime(read.at)} · {read.reader} 查看了
                {assessmentReadLabel(read)}
              </Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
