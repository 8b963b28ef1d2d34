import type { Metadata } from "next"
import { AccountPageHead } from "@/components/account/account-page-head"
import { AddressForm } from "@/components/account/address-form"
import { saveAddress } from "@/lib/address-actions"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "新增收货地址" }

export default async function NewAddressPage() {
  await requireMember("/account/addresses/new")
  return (
    <section className="account-page">
      <AccountPageHead title="新增收货地址" />
      <div className="panel">
        <AddressForm save={saveAddress} />
      </div>
    </section>
  )
}
