"use client"

import type { RegionValues } from "@/components/address/region-fields"
import { RegionFields } from "@/components/address/region-fields"
import { useActionState, useState } from "react"
import type { ChangeOrderAddressState } from "@/lib/order-actions"

type ChangeAction = (
  state: ChangeOrderAddressState,
  form: FormData
) => Promise<ChangeOrderAddressState>

export type OrderAddressValues = RegionValues & { name: string; phone: string; street: string }

/** 修改收货地址 until the kit ships: opened on demand, saved after the member confirms. */
export function ChangeAddressForm({
  action,
  address,
  confirm = (message) => window.confirm(message),
}: {
  action: ChangeAction
  address: OrderAddressValues
  confirm?: (message: string) => boolean
}) {
  const [open, setOpen] = useState(false)
  const [state, run, pending] = useActionState(action, undefined)
  if (state?.done) {
    return (
      <p className="notice" role="status">
        收货地址已修改，检测盒将寄往新地址。
      </p>
    )
  }
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        修改收货地址
      </button>
    )
  }
  return (
    <form
      action={run}
      className="form"
      data-testid="change-address-form"
      onSubmit={(event) => {
        if (!confirm("确定把检测盒寄往新地址吗？")) event.preventDefault()
      }}
    >
      <div className="form-row">
        <label>
          收货人
          <input
            name="name"
            autoComplete="name"
            maxLength={20}
            defaultValue={address.name}
            required
          />
        </label>
        <label>
          手机号
          <input
            name="phone"
            inputMode="tel"
            autoComplete="tel"
            placeholder="11 位手机号"
            defaultValue={address.phone}
            required
          />
        </label>
      </div>
      <RegionFields defaults={address} />
      <label>
        详细地址
        <input
          name="street"
          autoComplete="street-address"
          placeholder="街道、小区、楼栋、门牌号"
          defaultValue={address.street}
          required
        />
      </label>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "正在保存…" : "保存新地址"}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          不修改
        </button>
      </div>
    </form>
  )
}
