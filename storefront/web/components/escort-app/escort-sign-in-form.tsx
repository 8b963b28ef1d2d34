"use client"

import { parseCnMobile } from "@health/core"
import { useRouter } from "next/navigation"
import { useState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "@/components/account/form-feedback"
import { SendCodeButton } from "@/components/account/send-code-button"

type Post = (url: string, body: unknown) => Promise<{ ok: boolean; message?: string }>

const postJson: Post = async (url, body) => {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
    const answer = (await response.json().catch(() => ({}))) as { message?: string }
    return { ok: response.ok, message: answer.message }
  } catch {
    return { ok: false, message: "网络繁忙，请稍后重试" }
  }
}

/** Where a phone sign-in form posts and goes: the escort app's by default, the 在线诊室's too. */
export type PhoneSignInTarget = {
  codeUrl: string
  sessionUrl: string
  home: string
  phonePlaceholder: string
  notice: string
  testId: string
}

const ESCORT_TARGET: PhoneSignInTarget = {
  codeUrl: "/api/escort-app/sms-code",
  sessionUrl: "/api/escort-app/session",
  home: "/escort-app",
  phonePlaceholder: "运营登记的 11 位手机号",
  notice: "仅限平台登记在岗的陪诊员登录；患者和家属请使用会员登录。",
  testId: "escort-sign-in",
}

/**
 * 陪诊员登录: phone + SMS code, separate from the shopper's sign-in (an escort signs in as an
 * escort; numbers operations did not add are refused with commerce's reason). Doctors sign in
 * to the 在线诊室 with the same form and their own `target`.
 */
export function EscortSignInForm({
  post = postJson,
  onSignedIn,
  target = ESCORT_TARGET,
}: {
  post?: Post
  onSignedIn?: () => void
  target?: PhoneSignInTarget
}) {
  const router = useRouter()
  const [phone, setPhone] = useState("")
  const [code, setCode] = useState("")
  const [codeState, setCodeState] = useState<AccountActionState>()
  const [state, setState] = useState<AccountActionState>()
  const [pending, setPending] = useState(false)

  const sendCode = async (): Promise<AccountActionState> => {
    const number = parseCnMobile(phone)
    if (!number) return { error: "请输入正确的 11 位手机号" }
    const sent = await post(target.codeUrl, { phone: number })
    return sent.ok
      ? { notice: sent.message ?? "验证码已发送，5 分钟内有效" }
      : { error: sent.message }
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const number = parseCnMobile(phone)
    if (!number) return setState({ error: "请输入正确的 11 位手机号" })
    if (!/^\d{6}$/.test(code.trim())) return setState({ error: "请输入 6 位验证码" })
    setPending(true)
    const answer = await post(target.sessionUrl, { phone: number, code: code.trim() })
    setPending(false)
    if (!answer.ok) return setState({ error: answer.message ?? "登录失败，请重试" })
    setState({ notice: "登录成功，正在进入工作台…" })
    if (onSignedIn) return onSignedIn()
    router.push(target.home)
    router.refresh()
  }

  return (
    <form className="form" onSubmit={submit} data-testid={target.testId}>
      <label>
        手机号
        <input
          name="phone"
          inputMode="tel"
          autoComplete="tel"
          placeholder={target.phonePlaceholder}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          required
        />
      </label>
      <label>
        验证码
        <span className="input-with-button">
          <input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            required
          />
          <SendCodeButton send={sendCode} onResult={setCodeState} />
        </span>
      </label>
      <FormFeedback state={codeState} />
      <FormFeedback state={state} />
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "登录中…" : "登录工作台"}
      </button>
      <p className="hint">{target.notice}</p>
    </form>
  )
}
