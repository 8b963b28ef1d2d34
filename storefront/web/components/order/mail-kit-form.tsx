"use client"

import { useActionState } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

type MailAction = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** 改为寄送采样盒, after the member confirms: the booked slot is given up. */
export function MailKitForm({
  action,
  address,
  confirm = (message) => window.confirm(message),
}: {
  action: MailAction
  /** The order's shipping address as the member reads it, or null when it has none. */
  address: string | null
  confirm?: (message: string) => boolean
}) {
  const [state, run, pending] = useActionState(action, undefined)
  return (
    <form
      action={run}
      data-testid="mail-kit-form"
      onSubmit={(event) => {
        if (!confirm("确定改为寄送采样盒吗？已预约的现场采集时段将被取消。")) {
          event.preventDefault()
        }
      }}
    >
      <p className="muted">
        {address
          ? `检测盒将寄到订单的收货地址：${address}`
          : "订单还没有收货地址，请先在订单详情中修改收货地址。"}
      </p>
      <FormFeedback state={state} />
      <button type="submit" className="button" disabled={pending || !address}>
        {pending ? "提交中…" : "改为寄送采样盒"}
      </button>
    </form>
  )
}
