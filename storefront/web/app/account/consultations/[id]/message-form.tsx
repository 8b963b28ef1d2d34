"use client"

import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"

/** 发送给医生: a text message (pictures and PDFs go through the attachment form beside it). */
export function MessageForm({
  consultationId,
  send,
}: {
  consultationId: string
  send: (state: AccountActionState, form: FormData) => Promise<AccountActionState>
}) {
  const [state, action, pending] = useActionState(send, undefined)
  return (
    <form action={action} className="panel form" data-testid="consult-message-form">
      <input type="hidden" name="consultation_id" value={consultationId} />
      <label>
        给医生留言
        <textarea name="text" required maxLength={1000} />
      </label>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "发送中…" : "发送"}
      </button>
    </form>
  )
}
