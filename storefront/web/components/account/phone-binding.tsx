"use client"

import { formatCnMobile } from "@health/core"
import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"
import { PhoneCodeFields } from "./phone-code-fields"

type Bind = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** Binds or changes the member's phone with a code texted to the new number. */
export function PhoneBinding({
  current,
  bind,
  sendCode,
}: {
  /** The bound number as Medusa keeps it (+86…), or null. */
  current: string | null
  bind: Bind
  sendCode: (phone: string) => Promise<AccountActionState>
}) {
  const [state, action, pending] = useActionState(bind, undefined)

  return (
    <form action={action} className="form" data-testid="phone-binding">
      <p className="field-static">
        <span className="muted">当前手机号</span>
        <span data-testid="bound-phone">{current ? formatCnMobile(current) : "未绑定"}</span>
      </p>
      <PhoneCodeFields phoneLabel={current ? "新手机号" : "手机号"} sendCode={sendCode} />
      <FormFeedback state={state} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "绑定中…" : current ? "更换手机号" : "绑定手机号"}
      </button>
      <p className="hint">绑定后可使用该手机号接收验证码登录本账号。</p>
    </form>
  )
}
