import { Button, Input, Text, View } from "@tarojs/components"
import { MIN_PASSWORD_LENGTH, passwordChangeProblem } from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { member } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { session } from "../../../lib/session"
import { useMemberLoad } from "../../../lib/use-member-load"

type Outcome = { notice?: string; problem?: string }

/** 修改密码: for members who sign in with an email and password; others are told they have none. */
export default function ChangePassword() {
  const { result, reload } = useMemberLoad((token) => member.me(token))
  return (
    <View className="page" data-testid="password">
      <StateView result={result} onRetry={reload}>
        {(me) =>
          me.email ? (
            <PasswordForm />
          ) : (
            // A password signs in with an email; phone and WeChat members have none to use it with.
            <Text className="muted" data-testid="no-password">
              您的账号通过手机号或微信注册，没有登录密码，请继续使用微信或短信验证码登录。
            </Text>
          )
        }
      </StateView>
    </View>
  )
}

function PasswordForm() {
  const [current, setCurrent] = useState("")
  const [next, setNext] = useState("")
  const [confirm, setConfirm] = useState("")
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>({})

  async function submit() {
    const token = session.token()
    if (!token) return
    const problem = passwordChangeProblem({ current, next, confirm })
    if (problem) return setOutcome({ problem })
    setBusy(true)
    try {
      await member.changePassword(token, current, next)
      setCurrent("")
      setNext("")
      setConfirm("")
      setOutcome({ notice: "密码已修改，下次请用新密码登录" })
    } catch (error) {
      setOutcome({ problem: explainError(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section">
      <Field label="当前密码">
        <Input
          className="field__input"
          data-testid="password-current"
          password
          value={current}
          onInput={(event) => setCurrent(event.detail.value)}
        />
      </Field>
      <Field label={`新密码（至少 ${MIN_PASSWORD_LENGTH} 位）`}>
        <Input
          className="field__input"
          data-testid="password-new"
          password
          value={next}
          onInput={(event) => setNext(event.detail.value)}
        />
      </Field>
      <Field label="再次输入新密码">
        <Input
          className="field__input"
          data-testid="password-confirm"
          password
          value={confirm}
          onInput={(event) => setConfirm(event.detail.value)}
        />
      </Field>
      {outcome.problem ? (
        <Text className="error-text" data-testid="password-problem">
          {outcome.problem}
        </Text>
      ) : null}
      {outcome.notice ? (
        <Text className="notice-text" data-testid="password-notice">
          {outcome.notice}
        </Text>
      ) : null}
      <Button
        className="btn-primary"
        data-testid="password-submit"
        disabled={busy}
        onClick={submit}
      >
        {busy ? "保存中…" : "修改密码"}
      </Button>
    </View>
  )
}
