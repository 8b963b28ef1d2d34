"use client"

import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"

type Request = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** 忘记密码: the member's email; commerce mails a reset link if it is registered. */
export function ForgotPasswordForm({ request }: { request: Request }) {
  const [state, action, pending] = useActionState(request, undefined)
  return (
    <form action={action} className="form" data-testid="forgot-password">
      <label>
        注册邮箱
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <FormFeedback state={state} />
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "发送中…" : "发送重置链接"}
      </button>
    </form>
  )
}
