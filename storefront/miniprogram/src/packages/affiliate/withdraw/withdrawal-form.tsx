import { Button, Input, Text, View } from "@tarojs/components"
import {
  checkWithdrawal,
  formatCNY,
  messages,
  newWithdrawalRequestKey,
  toFen,
  type AffiliateProfile,
  type WithdrawalDraft,
} from "@health/core"
import { useRef, useState } from "react"
import { Field } from "../../../components/field"
import { member } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"

const text = messages.affiliate

/**
 * 申请提现: the amount in yuan as typed (checked in fen against the balance and the programme's
 * minimum), 微信零钱 or 银行卡. One request key per withdrawal: a double tap, or a retry after a
 * lost answer, is the same request to commerce, which creates one withdrawal.
 */
export function WithdrawalForm({
  token,
  profile,
  onRequested,
}: {
  token: string
  profile: AffiliateProfile
  onRequested: () => void
}) {
  const { available } = profile.balances
  const minimum = profile.programme.min_withdrawal
  const [draft, setDraft] = useState<WithdrawalDraft>({
    amount: (toFen(available) / 100).toFixed(2),
    method: "wechat",
    holder: "",
    bank: "",
    account_no: "",
  })
  const [requestKey, setRequestKey] = useState(newWithdrawalRequestKey)
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const edit = (patch: Partial<WithdrawalDraft>) => setDraft((d) => ({ ...d, ...patch }))

  async function submit() {
    if (sending.current) return
    setProblem(null)
    setNotice(null)
    const checked = checkWithdrawal(draft, requestKey, { available, minimum })
    if (!checked.ok) {
      setProblem(checked.error)
      return
    }
    sending.current = true
    setBusy(true)
    try {
      await member.affiliate.requestWithdrawal(token, checked.request)
      setNotice(text.withdrawalSubmitted)
      // The next withdrawal is a new request.
      setRequestKey(newWithdrawalRequestKey())
      onRequested()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      sending.current = false
      setBusy(false)
    }
  }

  const notes = (
    <>
      {problem ? (
        <Text className="error-text" data-testid="withdrawal-error">
          {problem}
        </Text>
      ) : null}
      {notice ? (
        <Text className="notice-text" data-testid="withdrawal-notice">
          {notice}
        </Text>
      ) : null}
    </>
  )
  if (toFen(available) < toFen(minimum)) {
    return (
      <View className="section" data-testid="withdrawal-form">
        <Text className="section__title">{text.withdraw}</Text>
        <Text className="muted" data-testid="withdrawal-unavailable">
          可提现余额满 {formatCNY(minimum)} 即可申请提现。
        </Text>
        {notes}
      </View>
    )
  }
  return (
    <View className="section" data-testid="withdrawal-form">
      <Text className="section__title">{text.withdraw}</Text>
      <Field label="提现金额（元）">
        <Input
          className="field__input"
          type="digit"
          value={draft.amount}
          data-testid="withdrawal-amount"
          onInput={(e) => edit({ amount: e.detail.value })}
        />
      </Field>
      <Text className="muted" data-testid="withdrawal-hint">
        可提现 {formatCNY(available)}，最低 {formatCNY(minimum)}
      </Text>
      <Field label="到账方式">
        <View className="chips">
          {(["wechat", "bank"] as const).map((method) => (
            <View
              key={method}
              className={`chip ${draft.method === method ? "chip--active" : ""}`}
              data-testid={`withdrawal-method-${method}`}
              onClick={() => edit({ method })}
            >
              {text.withdrawalMethod[method]}
            </View>
          ))}
        </View>
      </Field>
      {draft.method === "bank" ? (
        <View>
          <Field label="开户名">
            <Input
              className="field__input"
              value={draft.holder}
              data-testid="withdrawal-holder"
              onInput={(e) => edit({ holder: e.detail.value })}
            />
          </Field>
          <Field label="开户行">
            <Input
              className="field__input"
              placeholder="如：中国银行岳阳分行"
              value={draft.bank}
              data-testid="withdrawal-bank"
              onInput={(e) => edit({ bank: e.detail.value })}
            />
          </Field>
          <Field label="银行卡号">
            <Input
              className="field__input"
              type="number"
              value={draft.account_no}
              data-testid="withdrawal-account"
              onInput={(e) => edit({ account_no: e.detail.value })}
            />
          </Field>
        </View>
      ) : (
        <Text className="muted">{text.wechatPayoutNote}</Text>
      )}
      {notes}
      <Button
        className="btn-primary"
        disabled={busy}
        data-testid="withdrawal-submit"
        onClick={submit}
      >
        {busy ? text.withdrawing : text.withdraw}
      </Button>
    </View>
  )
}
