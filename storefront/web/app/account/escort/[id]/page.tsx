import {
  ApiError,
  formatCNY,
  PAYMENT_PROVIDER_IDS,
  paymentMethodsFor,
  type EscortBookingDetail,
} from "@health/core"
import type { Metadata } from "next"
import { headers } from "next/headers"
import { notFound } from "next/navigation"
import { AccountPageHead } from "@/components/account/account-page-head"
import { EscortBookingGuaranteePanel } from "@/components/escort/escort-booking-guarantee"
import { EscortBookingPanel } from "@/components/escort/escort-booking-panel"
import { EscortPayForm } from "@/components/escort/escort-pay-form"
import { MemberEscortReview } from "@/components/escort-review/member-escort-review"
import { escort, member as memberApi } from "@/lib/backends"
import { cancelEscort, confirmEscort, payEscort } from "@/lib/escort-actions"
import { disputeEscort, rateAndConfirmEscort } from "@/lib/escort-income-actions"
import { readEscortGuarantee } from "@/lib/escort-guarantee"
import { memberActionError } from "@/lib/member-action-error"
import { namedForPlace, paymentPlaceFor } from "@/lib/payment-channel"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "陪诊详情" }

/** One booking: what was booked (ID number masked), its live timeline, pay / cancel / confirm. */
export default async function EscortBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<{ booked?: string }>
}) {
  const { id } = await params
  const { token } = await requireMember(`/account/escort/${encodeURIComponent(id)}`)
  const { booked } = await searchParams
  let booking: EscortBookingDetail
  try {
    booking = await escort.get(token, id)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound()
    return (
      <section className="account-page">
        <AccountPageHead title="陪诊详情" />
        <p className="form-error" role="alert">
          {memberActionError(error, "escort booking").error}
        </p>
      </section>
    )
  }

  const guarantee = await readEscortGuarantee(token, booking.id)
  let payForm = null
  if (booking.status === "pending_payment") {
    const place = paymentPlaceFor((await headers()).get("user-agent") ?? "")
    // Online methods this device may use; commerce refuses one the shop has not set up.
    const methods = namedForPlace(
      paymentMethodsFor({
        channel: place,
        registered: Object.values(PAYMENT_PROVIDER_IDS),
        offlineAllowed: false,
      }).filter((method) => method.key !== "offline"),
      place
    )
    const available = await memberApi.affiliate
      .me(token)
      .then((affiliate) => affiliate.balances.available)
      .catch(() => 0)
    payForm = (
      <EscortPayForm
        bookingId={booking.id}
        amountFen={booking.price_fen}
        methods={methods}
        availableCredit={available}
        pay={payEscort}
      />
    )
  }

  return (
    <section className="account-page" data-testid="escort-booking-page">
      <AccountPageHead title="陪诊详情" />
      {booked && (
        <p className="form-notice" role="status">
          预约已提交，支付后平台会为您安排陪诊员。
        </p>
      )}
      <dl className="detail-list" data-testid="escort-booking-summary">
        <dt>服务</dt>
        <dd>
          {booking.service.name} · {formatCNY(booking.price_fen / 100)}
        </dd>
        <dt>医院科室</dt>
        <dd>
          {booking.city} {booking.hospital.name} · {booking.department}
        </dd>
        <dt>时间</dt>
        <dd>
          {booking.date} {booking.time_window.start}-{booking.time_window.end}
        </dd>
        <dt>就诊人</dt>
        <dd>
          {booking.person.name} {booking.person.id_number}
        </dd>
        <dt>见面地点</dt>
        <dd>{booking.meeting_point}</dd>
        {booking.needs.length > 0 && (
          <>
            <dt>特殊需求</dt>
            <dd>{booking.needs.join("、")}</dd>
          </>
        )}
      </dl>
      <EscortBookingGuaranteePanel guarantee={guarantee} />
      <EscortBookingPanel
        initial={booking}
        payForm={payForm}
        cancel={cancelEscort}
        confirmDone={confirmEscort}
        afterService={{ confirm: rateAndConfirmEscort, dispute: disputeEscort }}
      />
      <MemberEscortReview bookingId={booking.id} status={booking.status} />
    </section>
  )
}
