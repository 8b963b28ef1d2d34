import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { formatDateTime, withdrawalQuestion, type Consent } from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { session } from "../../../lib/session"
import { useMemberLoad } from "../../../lib/use-member-load"

/** 知情同意: every consent signed, when, and a way to withdraw those still in force. */
export default function Consents() {
  const { result, reload } = useMemberLoad((token) => healthArchive.consents(token))
  const [problem, setProblem] = useState<string | null>(null)

  async function withdraw(consent: Consent) {
    const token = session.token()
    if (!token) return
    const { confirm } = await Taro.showModal({
      title: "撤回同意",
      content: withdrawalQuestion(consent),
    })
    if (!confirm) return
    try {
      await healthArchive.withdrawConsent(token, consent.id)
      setProblem(null)
      Taro.showToast({ title: "已撤回", icon: "none" })
      reload()
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  return (
    <View className="page" data-testid="consents">
      {problem ? (
        <Text className="error-text" data-testid="consent-problem">
          {problem}
        </Text>
      ) : null}
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(consents) => consents.length === 0}
        empty={<Text>暂无签署的知情同意，激活检测盒时会一并签署。</Text>}
      >
        {(consents) =>
          consents.map((consent) => (
            <View key={consent.id} className="section" data-testid="consent">
              <View className="row">
                <Text className="section__title">{consent.kind_label}</Text>
                <Text className="muted">版本 {consent.version}</Text>
              </View>
              <Text className="muted">
                签署于 {formatDateTime(consent.signed_at)}
                {consent.withdrawn_at ? ` · 撤回于 ${formatDateTime(consent.withdrawn_at)}` : ""}
              </Text>
              {consent.withdrawn_at ? (
                <Text className="muted" data-testid="consent-withdrawn">
                  已撤回
                </Text>
              ) : (
                <Button
                  size="mini"
                  data-testid="consent-withdraw"
                  onClick={() => withdraw(consent)}
                >
                  撤回同意
                </Button>
              )}
            </View>
          ))
        }
      </StateView>
    </View>
  )
}
