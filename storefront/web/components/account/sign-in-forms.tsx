"use client"

import Link from "next/link"
import { useActionState, useState } from "react"
import { register, sendLoginCode, signInWithPassword, signInWithPhone } from "@/lib/account-actions"
import { shanghaiToday } from "@/lib/profile-form"
import { FormFeedback as Feedback } from "./form-feedback"
import { MembershipFields } from "./membership-fields"
import { PhoneCodeFields } from "./phone-code-fields"

type Tab = "phone" | "password" | "register"

const TABS: { id: Tab; label: string }[] = [
  { id: "phone", label: "验证码登录" },
  { id: "password", label: "密码登录" },
  { id: "register", label: "注册" },
]

function PhoneForm({ next, oaBind }: { next: string; oaBind?: string }) {
  const [state, action, pending] = useActionState(signInWithPhone, undefined)
  return (
    <form action={action} className="form" data-testid="phone-sign-in">
      <input type="hidden" name="next" value={next} />
      {oaBind && <input type="hidden" name="oa_bind" value={oaBind} />}
      <PhoneCodeFields sendCode={sendLoginCode} />
      <Feedback state={state} />
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "登录中…" : "登录 / 注册"}
      </button>
      <p className="hint">未注册的手机号验证后将自动创建账号。</p>
    </form>
  )
}

function PasswordForm({ next, oaBind }: { next: string; oaBind?: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, undefined)
  return (
    <form action={action} className="form" data-testid="password-sign-in">
      <input type="hidden" name="next" value={next} />
      {oaBind && <input type="hidden" name="oa_bind" value={oaBind} />}
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
      <p className="hint">
        <Link href="/account/forgot-password">忘记密码？</Link>
      </p>
    </form>
  )
}

/** 个人会员 by default; 团体会员 add their company. Names, birth date and occupation are optional. */
function RegisterForm({ next, oaBind }: { next: string; oaBind?: string }) {
  const [state, action, pending] = useActionState(register, undefined)
  const [today] = useState(shanghaiToday)
  return (
    <form action={action} className="form" data-testid="register">
      <input type="hidden" name="next" value={next} />
      {oaBind && <input type="hidden" name="oa_bind" value={oaBind} />}
      <MembershipFields initial={{ type: "individual" }} />
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
      <div className="form-row">
        <label>
          出生日期（选填）
          <input name="birth_date" type="date" autoComplete="bday" min="1900-01-01" max={today} />
        </label>
        <label>
          职业（选填）
          <input name="occupation" autoComplete="organization-title" maxLength={50} />
        </label>
      </div>
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

/**
 * Sign-in and registration in three tabs; phone code first, as most members use it. `oaBind`
 * (the service account's bind link) rides along in every form, so whichever way the member
 * signs in, their WeChat is bound afterwards.
 */
export function SignInForms({
  next,
  initialTab = "phone",
  oaBind,
}: {
  next: string
  initialTab?: Tab
  oaBind?: string
}) {
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
      {tab === "phone" && <PhoneForm next={next} oaBind={oaBind} />}
      {tab === "password" && <PasswordForm next={next} oaBind={oaBind} />}
      {tab === "register" && <RegisterForm next={next} oaBind={oaBind} />}
    </div>
  )
}
