"use client"

import { messages, parseCnMobile } from "@health/core"
import { useState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"
import { SendCodeButton } from "./send-code-button"

/**
 * 手机号 and 验证码 with 获取验证码, inside a form that posts `phone` and `code`. A wrong
 * number is explained here, without a round trip or a wasted daily code.
 */
export function PhoneCodeFields({
  phoneLabel = "手机号",
  sendCode,
}: {
  phoneLabel?: string
  sendCode: (phone: string) => Promise<AccountActionState>
}) {
  const [phone, setPhone] = useState("")
  const [codeState, setCodeState] = useState<AccountActionState>()

  const send = async (): Promise<AccountActionState> =>
    parseCnMobile(phone) ? sendCode(phone) : { error: messages.account.invalidPhone }

  return (
    <>
      <label>
        {phoneLabel}
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
    </>
  )
}
