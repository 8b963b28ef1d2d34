import { messages } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { EmptyIcon } from "@/components/icons"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.appointments }

/** Booking at a collection site is not online yet: the page says so and points to the sites. */
export default async function AppointmentsPage() {
  await requireMember("/account/appointments")
  return (
    <section className="account-page">
      <AccountPageHead title={messages.account.appointments} />
      <div className="empty-state" data-testid="appointments-empty">
        <EmptyIcon kind="calendar" />
        <p>{messages.account.appointmentsEmpty}</p>
        <p className="muted">到店采样可先查看附近的采集点，联系门店预约时间。</p>
        <Link href="/sites" className="button primary">
          查看采集点
        </Link>
      </div>
    </section>
  )
}
