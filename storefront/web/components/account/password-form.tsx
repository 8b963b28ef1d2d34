"use client"

import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { MIN_PASSWORD_LENGTH } from "@/lib/password-form"
import { FormFeedback } from "./form-feedback"

type Change = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** Current password, new password twice; the email lets password managers file it. */
export function PasswordForm({ email, change }: { email: string; change: Change }) {
  const [state, action, pending] = useActionState(change, undefined)
  return (
    <form action={action} className="form" data-testid="password-form">
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <label>
        当前密码
        <input name="current_password" type="password" autoComplete="current-password" required />
      </label>
      <label>
        新密码（至少 {MIN_PASSWORD_LENGTH} 位）
        <input
          name="new_password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
        />
      </label>
      <label>
        确认新密码
        <input name="new_password_confirm" type="password" autoComplete="new-password" required />
      </label>
      <FormFeedback state={state} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "提交中…" : "修改密码"}
      </button>
    </form>
  )
}
