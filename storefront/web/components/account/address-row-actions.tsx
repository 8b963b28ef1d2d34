"use client"

import type { MemberAddress } from "@health/core"
import Link from "next/link"
import { useState, useTransition } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"

type AddressAction = (id: string) => Promise<AccountActionState>

/** 编辑 / 设为默认 / 删除 for one address; deleting asks first. */
export function AddressRowActions({
  address,
  onDelete,
  onMakeDefault,
  confirm = (message) => window.confirm(message),
}: {
  address: MemberAddress
  onDelete: AddressAction
  onMakeDefault: AddressAction
  confirm?: (message: string) => boolean
}) {
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<AccountActionState>()
  const run = (action: AddressAction) =>
    startTransition(async () => {
      const result = await action(address.id)
      // A success re-renders the list; only a refusal needs saying here.
      setState(result?.error ? result : undefined)
    })

  return (
    <div className="address-actions">
      <Link href={`/account/addresses/${address.id}/edit`} className="link-button">
        编辑
      </Link>
      {!address.is_default && (
        <button
          type="button"
          className="link-button"
          disabled={pending}
          onClick={() => run(onMakeDefault)}
        >
          设为默认
        </button>
      )}
      <button
        type="button"
        className="link-button danger"
        disabled={pending}
        onClick={() => {
          if (confirm(`确定删除 ${address.name} 的这个地址吗？`)) run(onDelete)
        }}
      >
        删除
      </button>
      <FormFeedback state={state} />
    </div>
  )
}
