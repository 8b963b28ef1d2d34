import { formatCNY, type EscortBooking } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { EmptyIcon } from "@/components/icons"
import { escort } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "我的陪诊" }

/** 我的陪诊: the member's bookings, newest first, each opening its live timeline. */
export default async function MyEscortBookingsPage() {
  const { token } = await requireMember("/account/escort")
  let bookings: EscortBooking[] = []
  let problem: string | undefined
  try {
    bookings = await escort.list(token)
  } catch (error) {
    problem = memberActionError(error, "escort bookings").error
  }
  return (
    <section className="account-page" data-testid="escort-bookings-page">
      <AccountPageHead title="我的陪诊">
        <Link href="/escort/book" className="button primary">
          预约陪诊
        </Link>
      </AccountPageHead>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {!problem && bookings.length === 0 ? (
        <div className="empty-state" data-testid="escort-bookings-empty">
          <EmptyIcon kind="calendar" />
          <p>还没有陪诊预约</p>
          <p className="muted">选择服务、医院和时间，专业陪诊员全程陪同就医。</p>
          <Link href="/escort" className="button primary">
            查看陪诊服务
          </Link>
        </div>
      ) : (
        <ul className="appointment-list" data-testid="escort-booking-list">
          {bookings.map((booking) => (
            <li key={booking.id} className="card appointment-row" data-testid="escort-booking-row">
              <Link
                href={`/account/escort/${encodeURIComponent(booking.id)}`}
                className="card-body"
              >
                <div className="appointment-head">
                  <strong>{booking.service.name}</strong>
                  <span className="kit-badge">{booking.status_label}</span>
                </div>
                <p>
                  {booking.hospital.name} · {booking.department}
                </p>
                <p className="muted">
                  {booking.date} {booking.time_window.start}-{booking.time_window.end} · 就诊人{" "}
                  {booking.person.name} · {formatCNY(booking.price_fen / 100)}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
