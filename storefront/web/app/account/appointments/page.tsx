import { messages, type Appointment, type ClinicSignup } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { AppointmentList } from "@/components/appointments/appointment-list"
import { MySignupList } from "@/components/appointments/clinic-session-list"
import { EmptyIcon } from "@/components/icons"
import { cancelAppointment, cancelClinicSignUp } from "@/lib/appointment-actions"
import { appointments } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.appointments }

/** 我的预约: collection-site appointments (move or cancel them) and clinic-session sign-ups. */
export default async function AppointmentsPage({
  searchParams,
}: {
  searchParams: Promise<{ booked?: string; rescheduled?: string }>
}) {
  const { token } = await requireMember("/account/appointments")
  const params = await searchParams
  let list: Appointment[] = []
  let signups: ClinicSignup[] = []
  let problem: string | undefined
  try {
    ;[list, signups] = await Promise.all([appointments.list(token), appointments.mySignups(token)])
  } catch (error) {
    problem = memberActionError(error, "appointments list").error
  }
  const activeSignups = signups.filter((signup) => signup.status !== "cancelled")

  return (
    <section className="account-page" data-testid="appointments-page">
      <AccountPageHead title={messages.account.appointments}>
        <Link href="/account/appointments/book" className="button primary">
          预约到店采样
        </Link>
      </AccountPageHead>
      {params.booked && (
        <p className="form-notice" role="status">
          预约已提交，客服确认后会通知您；到店前一天会收到提醒。
        </p>
      )}
      {params.rescheduled && (
        <p className="form-notice" role="status">
          已改期，提醒会按新的时间发送。
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {!problem && list.length === 0 ? (
        <div className="empty-state" data-testid="appointments-empty">
          <EmptyIcon kind="calendar" />
          <p>{messages.account.appointmentsEmpty}</p>
          <p className="muted">选择采集点和时段即可预约到店采样，到店前一天会提醒您。</p>
          <Link href="/account/appointments/book" className="button primary">
            预约到店采样
          </Link>
        </div>
      ) : (
        <AppointmentList appointments={list} cancel={cancelAppointment} />
      )}

      <h2>线下义诊报名</h2>
      {activeSignups.length === 0 ? (
        <p className="muted">
          暂无报名。<Link href="/account/appointments/book#clinic">查看近期义诊</Link>
        </p>
      ) : (
        <MySignupList signups={activeSignups} cancel={cancelClinicSignUp} />
      )}
    </section>
  )
}
