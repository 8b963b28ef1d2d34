import { Button, Input, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import { messages, parseCnMobile } from "@health/core"
import { useState } from "react"
import { Field } from "../../components/field"
import { member, passwordReset } from "../../lib/clients"
import { isWeapp } from "../../lib/config"
import { explainError } from "../../lib/explain-error"
import { go, routes } from "../../lib/navigate"
import type { BindOutcome } from "../../lib/referral"
import { completeSignIn, signInWithWechat } from "../../lib/sign-in"

type Mode = "phone" | "email" | "register"

/** 微信一键登录 in the mini-program; phone code or email everywhere (H5 has no wx.login). */
export default function Login() {
  const { params } = useRouter()
  const next = params?.next ? decodeURIComponent(params.next) : routes.account
  const [mode, setMode] = useState<Mode>("phone")
  const [phone, setPhone] = useState("")
  const [code, setCode] = useState("")
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  async function signIn(action: () => Promise<BindOutcome>) {
    setBusy(true)
    setProblem(null)
    try {
      const outcome = await action()
      if (typeof outcome === "object") Taro.showToast({ title: outcome.refused, icon: "none" })
      await Taro.redirectTo({ url: next }).catch(() => go(next))
    } catch (error) {
      setProblem(
        (error as { status?: number }).status === 401 ? "账号或密码不正确" : explainError(error)
      )
    } finally {
      setBusy(false)
    }
  }

  /** 忘记密码: the web's reset link goes to the email; every address gets the same answer. */
  async function forgotPassword() {
    setProblem(null)
    setNotice(null)
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      return setProblem("请先在上方输入注册邮箱")
    }
    try {
      await passwordReset.requestPasswordReset(email.trim())
      setNotice(
        "如果该邮箱已注册，我们已发送重置链接，请在 15 分钟内用浏览器打开邮件中的链接设置新密码"
      )
    } catch (error) {
      setProblem(explainError(error, "重置邮件发送失败"))
    }
  }

  async function sendCode() {
    setProblem(null)
    const number = parseCnMobile(phone)
    if (!number) return setProblem(messages.account.invalidPhone)
    try {
      await member.sendSmsCode(number, "login")
      setNotice("验证码已发送，5 分钟内有效")
    } catch (error) {
      setProblem(explainError(error, "验证码发送失败"))
    }
  }

  return (
    <View className="page" data-testid="login">
      {isWeapp() ? (
        <View className="section">
          <Button className="btn-primary" disabled={busy} onClick={() => signIn(signInWithWechat)}>
            微信一键登录
          </Button>
        </View>
      ) : null}
      <View className="section chips">
        {(
          [
            ["phone", "验证码登录"],
            ["email", "邮箱登录"],
            ["register", "注册"],
          ] as const
        ).map(([key, label]) => (
          <View
            key={key}
            data-testid={`login-tab-${key}`}
            className={`chip ${mode === key ? "chip--active" : ""}`}
            onClick={() => setMode(key)}
          >
            {label}
          </View>
        ))}
      </View>
      <View className="section">
        {/* Keyed per mode: H5's input elements keep their first type and placeholder. */}
        {mode === "phone" ? (
          <View key="phone">
            <Field label="手机号">
              <Input
                className="field__input"
                type="number"
                placeholder="11 位手机号"
                value={phone}
                onInput={(e) => setPhone(e.detail.value)}
              />
            </Field>
            <Field label="验证码">
              <View className="row">
                <Input
                  className="field__input"
                  type="number"
                  placeholder="6 位验证码"
                  value={code}
                  onInput={(e) => setCode(e.detail.value)}
                />
                <Button size="mini" onClick={sendCode}>
                  获取验证码
                </Button>
              </View>
            </Field>
            <Button
              className="btn-primary"
              disabled={busy}
              onClick={() =>
                /^\d{6}$/.test(code)
                  ? signIn(async () =>
                      completeSignIn(
                        await member.signInWithPhone(parseCnMobile(phone) ?? phone, code)
                      )
                    )
                  : setProblem(messages.account.invalidCode)
              }
            >
              登录 / 注册
            </Button>
          </View>
        ) : (
          <View key={mode}>
            <Field label="邮箱">
              <Input
                className="field__input"
                placeholder="邮箱"
                value={email}
                onInput={(e) => setEmail(e.detail.value)}
              />
            </Field>
            <Field label="密码">
              <Input
                className="field__input"
                password
                placeholder={mode === "register" ? "至少 8 位" : "密码"}
                value={password}
                onInput={(e) => setPassword(e.detail.value)}
              />
            </Field>
            <Button
              className="btn-primary"
              data-testid="login-submit"
              disabled={busy}
              onClick={() =>
                signIn(async () =>
                  completeSignIn(
                    mode === "register"
                      ? await member.registerWithPassword({ email: email.trim(), password })
                      : await member.signInWithPassword(email.trim(), password)
                  )
                )
              }
            >
              {mode === "register" ? "注册并登录" : "登录"}
            </Button>
            {mode === "email" ? (
              <Text className="muted" data-testid="forgot-password" onClick={forgotPassword}>
                忘记密码？
              </Text>
            ) : null}
          </View>
        )}
        {problem ? (
          <Text className="error-text" data-testid="login-error">
            {problem}
          </Text>
        ) : null}
        {notice ? <Text className="notice-text">{notice}</Text> : null}
      </View>
    </View>
  )
}
