import { Button, Checkbox, Text, View } from "@tarojs/components"
import {
  applicantConsentAcceptances,
  type ApplicantConsentKind,
  type ApplicantConsentText,
  type ApplicantConsents,
} from "@health/core"
import { useState } from "react"
import { explainError } from "../../../lib/explain-error"
import { escortAdmission } from "../escort-admission-client"

/**
 * The privacy policy and the two consents an applicant accepts before giving details, each
 * readable in full and accepted at the version shown; once accepted, each can be withdrawn.
 */
export function ApplicantConsentsSection(props: {
  token: string
  texts: ApplicantConsentText[]
  consents: ApplicantConsents | null
  onChange: (next: ApplicantConsents) => void
}) {
  const [ticked, setTicked] = useState<Partial<Record<ApplicantConsentKind, boolean>>>({})
  const [reading, setReading] = useState<ApplicantConsentKind | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const act = async (action: () => Promise<ApplicantConsents>) => {
    setBusy(true)
    setProblem(null)
    try {
      props.onChange(await action())
    } catch (error) {
      setProblem(explainError(error, "操作失败，请重试"))
    } finally {
      setBusy(false)
    }
  }

  if (props.consents?.all_accepted) {
    return (
      <View className="section" data-testid="escort-apply-consents">
        <Text className="section__title">隐私与授权</Text>
        {props.consents.consents
          .filter((consent) => !consent.withdrawn_at)
          .map((consent) => (
            <View key={consent.id} className="row">
              <Text>
                已同意《{consent.label}》（版本 {consent.version}）
              </Text>
              <Button
                size="mini"
                disabled={busy}
                onClick={() => act(() => escortAdmission.withdrawConsent(props.token, consent.id))}
              >
                撤回
              </Button>
            </View>
          ))}
        {problem ? <Text className="error-text">{problem}</Text> : null}
      </View>
    )
  }

  return (
    <View className="section" data-testid="escort-apply-consents">
      <Text className="section__title">隐私与授权</Text>
      <Text className="muted">填写入驻资料前，请阅读并同意以下文本（敏感个人信息单独同意）。</Text>
      {props.texts.map((text) => (
        <View key={text.kind}>
          <View
            className="list-item"
            data-testid={`escort-apply-consent-${text.kind}`}
            onClick={() => setTicked((t) => ({ ...t, [text.kind]: !t[text.kind] }))}
          >
            <Checkbox value={text.kind} checked={!!ticked[text.kind]} />
            <Text>
              我已阅读并同意《{text.title}》
              {text.version ? `（版本 ${text.version}）` : "（暂未发布）"}
            </Text>
          </View>
          {text.body ? (
            <Text
              className="muted"
              onClick={() => setReading((k) => (k === text.kind ? null : text.kind))}
            >
              {reading === text.kind ? text.body : "阅读全文"}
            </Text>
          ) : null}
        </View>
      ))}
      <Button
        className="btn-primary"
        disabled={busy}
        onClick={() => {
          const outcome = applicantConsentAcceptances(props.texts, ticked)
          if ("refusal" in outcome) return setProblem(outcome.refusal)
          void act(() => escortAdmission.acceptConsents(props.token, outcome.consents))
        }}
      >
        同意并继续
      </Button>
      {problem ? <Text className="error-text">{problem}</Text> : null}
    </View>
  )
}
