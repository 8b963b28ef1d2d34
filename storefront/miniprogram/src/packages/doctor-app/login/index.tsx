import { Button, Input, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import { ApiError, parseCnMobile } from "@health/core"
import { useEffect, useState } from "react"
import { Field } from "../../../components/field"
import { explainError } from "../../../lib/explain-error"
import { doctorApp } from "../doctor-app-client"
import { doctorRoutes } from "../doctor-app-routes"
import { doctorSession } from "../doctor-session"

/** 医生登录: phone + SMS code, as a doctor (not the member account). */
export default function DoctorLogin() {
  const { params } = useRouter()
  const next = params?.next ? decodeURIComponent(params.next) : doctorRoutes.income
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
      await doctorApp.requestDoctorSignInCode(number)
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
      doctorSession.setToken(await doctorApp.signInDoctor(number, code.trim()))
      await Taro.redirectTo({ url: next })
    } catch (error) {
      // A 401 here is commerce's reason (wrong code, or not a registered doctor).
      setProblem(
        error instanceof ApiError && error.status === 401 ? error.message : explainError(error)
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page" data-testid="doctor-login">
      <View className="section">
        <Text className="section__title">医生登录</Text>
        <Field label="手机号">
          <Input
            type="number"
            placeholder="运营登记的 11 位手机号"
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
            data-testid="doctor-login-phone"
          />
        </Field>
        <Field label="验证码">
          <Input
            type="number"
            maxlength={6}
            value={code}
            onInput={(e) => setCode(e.detail.value)}
            data-testid="doctor-login-code"
          />
        </Field>
        <Button disabled={countdown > 0} onClick={sendCode} data-testid="doctor-login-send">
          {countdown > 0 ? `${countdown} 秒后重发` : "获取验证码"}
        </Button>
        {notice ? <Text className="muted">{notice}</Text> : null}
        {problem ? (
          <Text className="error-text" data-testid="doctor-login-error">
            {problem}
          </Text>
        ) : null}
        <Button
          className="btn-primary"
          disabled={busy}
          onClick={signIn}
          data-testid="doctor-login-submit"
        >
          {busy ? "登录中…" : "登录"}
        </Button>
        <Text className="muted">仅限平台登记的医生；患者和家属请使用会员登录。</Text>
      </View>
    </View>
  )
}
