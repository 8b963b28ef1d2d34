import { Button, Input, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import { ApiError, parseCnMobile } from "@health/core"
import { useEffect, useState } from "react"
import { Field } from "../../../components/field"
import { explainError } from "../../../lib/explain-error"
import { escortApp } from "../escort-app-client"
import { escortRoutes } from "../escort-app-routes"
import { escortSession } from "../escort-session"

/** 陪诊员登录: phone + SMS code, as an escort (not the member account). */
export default function EscortLogin() {
  const { params } = useRouter()
  const next = params?.next ? decodeURIComponent(params.next) : escortRoutes.tasks
  const [phone, setPhone] = useState("")
  const [code, setCode] = useState("")
  const [countdown, setCountdown] = useState(0)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    if (countdown <= 0) return
    const timer = setTimeout(() => setCountdown(countdown - 1), 1000)
    return () => clearTimeout(timer)
  }, [countdown])

  const sendCode = async () => {
    const number = parseCnMobile(phone)
    if (!number) return setProblem("请输入正确的 11 位手机号")
    setProblem(null)
    try {
      await escortApp.requestEscortSignInCode(number)
      setNotice("验证码已发送，5 分钟内有效")
      setCountdown(60)
    } catch (error) {
      setProblem(explainError(error, "验证码发送失败，请稍后重试"))
    }
  }

  const signIn = async () => {
    const number = parseCnMobile(phone)
    if (!number) return setProblem("请输入正确的 11 位手机号")
    if (!/^\d{6}$/.test(code.trim())) return setProblem("请输入 6 位验证码")
    setBusy(true)
    setProblem(null)
    try {
      escortSession.setToken(await escortApp.signInEscort(number, code.trim()))
      await Taro.redirectTo({ url: next })
    } catch (error) {
      // A 401 here is commerce's reason (wrong code, or not an active escort), not an expiry.
      setProblem(
        error instanceof ApiError && error.status === 401 ? error.message : explainError(error)
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page" data-testid="escort-login">
      <View className="section">
        <Text className="section__title">陪诊员登录</Text>
        <Field label="手机号">
          <Input
            type="number"
            placeholder="运营登记的 11 位手机号"
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
            data-testid="escort-login-phone"
          />
        </Field>
        <Field label="验证码">
          <Input
            type="number"
            maxlength={6}
            value={code}
            onInput={(e) => setCode(e.detail.value)}
            data-testid="escort-login-code"
          />
        </Field>
        <Button disabled={countdown > 0} onClick={sendCode} data-testid="escort-login-send">
          {countdown > 0 ? `${countdown} 秒后重发` : "获取验证码"}
        </Button>
        {notice ? <Text className="muted">{notice}</Text> : null}
        {problem ? (
          <Text className="error-text" data-testid="escort-login-error">
            {problem}
          </Text>
        ) : null}
        <Button
          className="btn-primary"
          disabled={busy}
          onClick={signIn}
          data-testid="escort-login-submit"
        >
          {busy ? "登录中…" : "登录工作台"}
        </Button>
        <Text className="muted">仅限平台登记在岗的陪诊员；患者和家属请使用会员登录。</Text>
      </View>
    </View>
  )
}
