"use client"

import { useActionState } from "react"
import type { CancelOrderState } from "@/lib/order-actions"

type CancelAction = (state: CancelOrderState, form: FormData) => Promise<CancelOrderState>

/** 取消订单, after the member confirms; a paid order's refund goes back to WeChat. */
export function CancelOrderForm({
  action,
  paid,
  confirm = (message) => window.confirm(message),
}: {
  action: CancelAction
  paid: boolean
  confirm?: (message: string) => boolean
}) {
  const [state, run, pending] = useActionState(action, undefined)
  if (state?.done) {
    return (
      <p className="notice" role="status">
        订单已取消{paid ? "，款项将原路退回，通常 1–3 个工作日到账" : ""}。
      </p>
    )
  }
  return (
    <form
      action={run}
      onSubmit={(event) => {
        const question = paid ? "确定取消订单吗？已支付的金额将原路退回。" : "确定取消订单吗？"
        if (!confirm(question)) event.preventDefault()
      }}
    >
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "正在取消…" : "取消订单"}
      </button>
    </form>
  )
}
