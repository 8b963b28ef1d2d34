import { formatCnMobile, messages, type MemberAddress } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { AddressRowActions } from "@/components/account/address-row-actions"
import { EmptyIcon } from "@/components/icons"
import { deleteAddress, makeDefaultAddress } from "@/lib/address-actions"
import { member as memberApi } from "@/lib/backends"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.addresses }

function AddressCard({ address }: { address: MemberAddress }) {
  return (
    <li className="address-card" data-testid="address-card">
      <div>
        <p>
          <strong>{address.name}</strong>
          <span className="muted"> {formatCnMobile(address.phone)}</span>
          {address.is_default && <span className="chip">默认</span>}
        </p>
        <p className="muted">
          {address.province} {address.city} {address.district} {address.street}
        </p>
      </div>
      <AddressRowActions
        address={address}
        onDelete={deleteAddress}
        onMakeDefault={makeDefaultAddress}
      />
    </li>
  )
}

export default async function AddressesPage() {
  const { token } = await requireMember("/account/addresses")
  const addresses = await memberApi.addresses.list(token)
  return (
    <section className="account-page">
      <AccountPageHead title={messages.account.addresses}>
        <Link href="/account/addresses/new" className="button primary">
          新增收货地址
        </Link>
      </AccountPageHead>
      {addresses.length ? (
        <ul className="address-list">
          {addresses.map((address) => (
            <AddressCard key={address.id} address={address} />
          ))}
        </ul>
      ) : (
        <div className="empty-state small">
          <EmptyIcon kind="pin" />
          <p>还没有收货地址</p>
          <p className="muted">保存常用地址，下单时更方便。</p>
        </div>
      )}
    </section>
  )
}
