import {
  ApiError,
  formatAppointmentDay,
  shiftDay,
  type ClinicSessionState,
  type SiteAvailability,
} from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { ClinicSessionList } from "@/components/appointments/clinic-session-list"
import { SlotPicker } from "@/components/appointments/slot-picker"
import {
  bookAppointment,
  cancelClinicSignUp,
  signUpForClinicSession,
} from "@/lib/appointment-actions"
import { appointments, cms, optional } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "预约到店采样" }

const DAYS_SHOWN = 7

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * Booking (or moving) a collection-site appointment: choose a site, then a day and slot
 * with places left; below, the upcoming clinic sessions to sign up for.
 */
export default async function BookAppointmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = await searchParams
  const siteId = one(params.site)
  const rescheduleId = one(params.reschedule)
  const from = one(params.from)
  // From the inbox message sent when the slot chosen at checkout filled up: book for that order.
  const orderId = rescheduleId ? undefined : one(params.order_id)
  const orderParam = orderId ? `&order_id=${encodeURIComponent(orderId)}` : ""
  const here = `/account/appointments/book?${siteId ? `site=${encodeURIComponent(siteId)}` : ""}${orderParam}`
  const { token } = await requireMember(here)

  const [sites, sessions] = await Promise.all([
    optional(() => cms.listCollectionSites(), null),
    optional(() => cms.listClinicSessions(), []),
  ])
  let availability: SiteAvailability | null = null
  let problem: string | undefined
  if (siteId) {
    try {
      availability = await appointments.availability(token, siteId, {
        from,
        days: DAYS_SHOWN,
      })
    } catch (error) {
      problem =
        error instanceof ApiError && error.status === 404
          ? "没有找到这个采集点，请重新选择"
          : memberActionError(error, "appointment availability").error
    }
  }
  const moving = rescheduleId
    ? await appointments.appointment(token, rescheduleId).catch(() => null)
    : null
  const sessionStates = await Promise.all(
    sessions.map(async (session) => ({
      session,
      state: await appointments
        .clinicSession(token, session.documentId)
        .catch((): ClinicSessionState | null => null),
    }))
  )
  const lastDay = availability?.days.at(-1)?.date
  const firstDay = availability?.days[0]?.date
  const pageLink = (start: string) =>
    `/account/appointments/book?site=${encodeURIComponent(siteId ?? "")}&from=${start}${rescheduleId ? `&reschedule=${encodeURIComponent(rescheduleId)}` : ""}${orderParam}`

  return (
    <section className="account-page" data-testid="appointment-booking">
      <AccountPageHead title={moving ? "预约改期" : "预约到店采样"} />
      {moving && (
        <p className="muted">
          当前预约：{moving.site.name} {formatAppointmentDay(moving.date)} {moving.slot}
          。请选择新的日期和时段。
        </p>
      )}

      {orderId && (
        <p className="notice" data-testid="booking-for-order">
          为您的订单预约现场采集：下单时选择的时段已约满，请另选采集点和时段。
        </p>
      )}

      <h2>1. 选择采集点</h2>
      {sites === null ? (
        <p className="form-error" role="alert">
          采集点信息暂时无法读取，请稍后再试。
        </p>
      ) : sites.length === 0 ? (
        <p className="empty-state small">暂时没有可预约的采集点。</p>
      ) : (
        <ul className="chips" data-testid="site-choices">
          {sites
            .filter((site) => !moving || site.documentId === moving.site.id)
            .map((site) => (
              <li key={site.documentId}>
                <Link
                  className={`chip${site.documentId === siteId ? " active" : ""}`}
                  aria-current={site.documentId === siteId ? "true" : undefined}
                  href={`/account/appointments/book?site=${encodeURIComponent(site.documentId)}${rescheduleId ? `&reschedule=${encodeURIComponent(rescheduleId)}` : ""}${orderParam}`}
                >
                  {site.name}
                  <span className="muted"> · {site.district ?? site.city}</span>
                </Link>
              </li>
            ))}
        </ul>
      )}

      {siteId && (
        <>
          <h2>2. 选择日期和时段</h2>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          {availability && (
            <>
              <p className="muted">
                {availability.site.address}
                {availability.site.hours ? ` · 营业时间 ${availability.site.hours}` : ""}
                {availability.site.phone ? ` · 电话 ${availability.site.phone}` : ""}
              </p>
              <nav className="form-actions" aria-label="翻页">
                {params.from && firstDay && (
                  <Link className="button" href={pageLink(shiftDay(firstDay, -DAYS_SHOWN))}>
                    前 {DAYS_SHOWN} 天
                  </Link>
                )}
                {lastDay && (
                  <Link className="button" href={pageLink(shiftDay(lastDay, 1))}>
                    后 {DAYS_SHOWN} 天
                  </Link>
                )}
              </nav>
              <SlotPicker
                availability={availability}
                book={bookAppointment}
                rescheduleId={moving ? moving.id : undefined}
                orderId={orderId}
              />
            </>
          )}
        </>
      )}

      {!moving && (
        <>
          <h2 id="clinic">线下义诊</h2>
          <ClinicSessionList
            sessions={sessionStates}
            signUp={signUpForClinicSession}
            cancel={cancelClinicSignUp}
          />
        </>
      )}
    </section>
  )
}
