"use client"

import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"

/** 图文问诊: the question (5–2000 字); paying comes next, on the consultation's page. */
export function AskForm({
  doctorId,
  ask,
}: {
  doctorId: string
  ask: (state: AccountActionState, form: FormData) => Promise<AccountActionState>
}) {
  const [state, action, pending] = useActionState(ask, undefined)
  return (
    <form action={action} className="panel form" data-testid="consult-ask-form">
      <input type="hidden" name="doctor_id" value={doctorId} />
      <label>
        描述您的问题
        <textarea
          name="question"
          required
          minLength={5}
          maxLength={2000}
          placeholder="症状、持续时间、用药情况等（可在提交后发送图片或 PDF，或共享健康档案中的报告）"
        />
      </label>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "提交中…" : "提交问题，去支付"}
      </button>
    </form>
  )
}
