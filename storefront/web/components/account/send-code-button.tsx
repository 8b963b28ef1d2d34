"use client"

import { useEffect, useState, useTransition } from "react"
import type { AccountActionState } from "@/lib/account-actions"

/** 获取验证码, then a 60-second pause before the next code, as the back end enforces. */
export function SendCodeButton({
  send,
  onResult,
}: {
  send: () => Promise<AccountActionState>
  onResult: (result: AccountActionState) => void
}) {
  const [countdown, setCountdown] = useState(0)
  const [sending, startSending] = useTransition()

  useEffect(() => {
    if (countdown <= 0) return
    const timer = setTimeout(() => setCountdown(countdown - 1), 1000)
    return () => clearTimeout(timer)
  }, [countdown])

  const click = () =>
    startSending(async () => {
      const result = await send()
      onResult(result)
      if (!result?.error) setCountdown(60)
    })

  return (
    <button type="button" className="button" onClick={click} disabled={sending || countdown > 0}>
      {countdown > 0 ? `${countdown} 秒后重发` : sending ? "发送中…" : "获取验证码"}
    </button>
  )
}
