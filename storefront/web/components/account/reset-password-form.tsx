"use client"

import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { PASSWORD_RULE_HINT } from "@/lib/password-reset-form"
import { FormFeedback } from "./form-feedback"

type Reset = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** 设置新密码 from the mailed link: its token travels in a hidden field, never in the form's URL. */
export function ResetPasswordForm({
  token,
  email,
  reset,
}: {
  token: string
  email: string
  reset: Reset
}) {
  const [state, action, pending] = useActionState(reset, undefined)
  return (
    <form action={action} className="form" data-testid="reset-password">
      <input type="hidden" name="token" value={token} />
      {email && (
        <label>
          邮箱
          <input type="email" name="username" autoComplete="username" value={email} readOnly />
        </label>
      )}
      <label>
        新密码（{PASSWORD_RULE_HINT}）
        <input name="password" type="password" autoComplete="new-password" minLength={8} required />
      </label>
      <label>
        确认新密码
        <input name="password_confirm" type="password" autoComplete="new-password" required />
      </label>
      <FormFeedback state={state} />
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "提交中…" : "设置新密码"}
      </button>
    </form>
  )
}
