import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { AccountPageHead } from "@/components/account/account-page-head"
import { AddressForm } from "@/components/account/address-form"
import { saveAddress } from "@/lib/address-actions"
import { member as memberApi } from "@/lib/backends"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "编辑收货地址" }

export default async function EditAddressPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { token } = await requireMember(`/account/addresses/${id}/edit`)
  // Only the member's own book is searched, so another member's id is simply not found.
  const address = (await memberApi.addresses.list(token)).find((a) => a.id === id)
  if (!address) notFound()
  return (
    <section className="account-page">
      <AccountPageHead title="编辑收货地址" />
      <div className="panel">
        <AddressForm address={address} save={saveAddress} />
      </div>
    </section>
  )
}
