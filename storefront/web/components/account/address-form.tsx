"use client"

import type { MemberAddress } from "@health/core"
import Link from "next/link"
import { useActionState } from "react"
import { RegionFields } from "@/components/address/region-fields"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"

type Save = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** Adds an address, or edits `address`; the action returns to the list when it is saved. */
export function AddressForm({ address, save }: { address?: MemberAddress; save: Save }) {
  const [state, action, pending] = useActionState(save, undefined)
  return (
    <form action={action} className="form" data-testid="address-form">
      {address && <input type="hidden" name="id" value={address.id} />}
      <div className="form-row">
        <label>
          收货人
          <input
            name="name"
            autoComplete="name"
            maxLength={20}
            defaultValue={address?.name}
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
            defaultValue={address?.phone}
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
          defaultValue={address?.street}
          required
        />
      </label>
      {address?.is_default ? (
        <p className="hint">这是您的默认收货地址。</p>
      ) : (
        <label className="checkbox">
          <input type="checkbox" name="is_default" value="yes" /> 设为默认收货地址
        </label>
      )}
      <FormFeedback state={state} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "保存中…" : "保存地址"}
        </button>
        <Link href="/account/addresses" className="button">
          取消
        </Link>
      </div>
    </form>
  )
}
