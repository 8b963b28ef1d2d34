"use client"

import { useActionState, useState } from "react"
import {
  register,
  sendLoginCode,
  signInWithPassword,
  signInWithPhone,
  type AccountActionState,
} from "@/lib/account-actions"
import { FormFeedback as Feedback } from "./form-feedback"
import { SendCodeButton } from "./send-code-button"

type Tab = "phone" | "password" | "register"

const TABS: { id: Tab; label: string }[] = [
  { id: "phone", label: "验证码登录" },
  { id: "password", label: "密码登录" },
  { id: "register", label: "注册" },
]

function PhoneForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInWithPhone, undefined)
  const [phone, setPhone] = useState("")
  const [codeState, setCodeState] = useState<AccountActionState>()

  return (
    <form action={action} className="form" data-testid="phone-sign-in">
      <input type="hidden" name="next" value={next} />
      <label>
        手机号
        <input
          name="phone"
          inputMode="tel"
          autoComplete="tel"
          placeholder="11 位手机号"
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
            required
          />
          <SendCodeButton send={() => sendLoginCode(phone)} onResult={setCodeState} />
        </span>
      </label>
      <Feedback state={codeState} />
      <Feedback state={state} />
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "登录中…" : "登录 / 注册"}
      </button>
      <p className="hint">未注册的手机号验证后将自动创建账号。</p>
    </form>
  )
}

function PasswordForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, undefined)
  return (
    <form action={action} className="form" data-testid="password-sign-in">
      <input type="hidden" name="next" value={next} />
      <label>
        邮箱
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <Feedback state={state} />
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "登录中…" : "登录"}
      </button>
    </form>
  )
}

function RegisterForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(register, undefined)
  return (
    <form action={action} className="form" data-testid="register">
      <input type="hidden" name="next" value={next} />
      <label>
        姓名（选填）
        <input name="name" autoComplete="name" maxLength={20} />
      </label>
      <label>
        邮箱
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        密码（至少 8 位）
        <input name="password" type="password" autoComplete="new-password" minLength={8} required />
      </label>
      <label>
        确认密码
        <input name="password_confirm" type="password" autoComplete="new-password" required />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="agree" value="yes" /> 我已阅读并同意
        <a href="/privacy" target="_blank">
          《隐私政策》
        </a>
      </label>
      <Feedback state={state} />
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "注册中…" : "注册"}
      </button>
    </form>
  )
}

/** Sign-in and registration in three tabs; phone code first, as most members use it. */
export function SignInForms({ next, initialTab = "phone" }: { next: string; initialTab?: Tab }) {
  const [tab, setTab] = useState<Tab>(initialTab)
  return (
    <div className="panel auth-card">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? "tab active" : "tab"}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === "phone" && <PhoneForm next={next} />}
      {tab === "password" && <PasswordForm next={next} />}
      {tab === "register" && <RegisterForm next={next} />}
    </div>
  )
}
