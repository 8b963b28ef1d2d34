"use client"

import { formatCnMobile, messages, parseCnMobile } from "@health/core"
import { useActionState, useState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"
import { SendCodeButton } from "./send-code-button"

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
  const [phone, setPhone] = useState("")
  const [codeState, setCodeState] = useState<AccountActionState>()

  // A wrong number is explained here, without a round trip or a wasted daily code.
  const send = async (): Promise<AccountActionState> =>
    parseCnMobile(phone) ? sendCode(phone) : { error: messages.account.invalidPhone }

  return (
    <form action={action} className="form" data-testid="phone-binding">
      <p className="field-static">
        <span className="muted">当前手机号</span>
        <span data-testid="bound-phone">{current ? formatCnMobile(current) : "未绑定"}</span>
      </p>
      <label>
        {current ? "新手机号" : "手机号"}
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
          <SendCodeButton send={send} onResult={setCodeState} />
        </span>
      </label>
      <FormFeedback state={codeState} />
      <FormFeedback state={state} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "绑定中…" : current ? "更换手机号" : "绑定手机号"}
      </button>
      <p className="hint">绑定后可使用该手机号接收验证码登录本账号。</p>
    </form>
  )
}
