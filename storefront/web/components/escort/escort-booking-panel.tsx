"use client"

import {
  escortBookingActions,
  subscribeEscortBooking,
  type EscortBookingDetail,
  type EventSourceLike,
} from "@health/core"
import { useEffect, useState, useTransition, type ReactNode } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"
import { ConfirmService } from "./confirm-service"
import { EscortMessagingSection } from "./escort-messaging-section"
import { EscortTimeline } from "./escort-timeline"

/** The browser's EventSource when it has one; otherwise the subscription polls. */
const browserStream = (url: string) =>
  typeof EventSource === "undefined"
    ? undefined
    : { url, open: (to: string) => new EventSource(to) as unknown as EventSourceLike }

async function loadBooking(url: string): Promise<EscortBookingDetail> {
  const response = await fetch(url, { cache: "no-store" })
  const body = (await response.json()) as { booking?: EscortBookingDetail; message?: string }
  if (!response.ok || !body.booking) throw new Error(body.message ?? "读取服务进度失败")
  return body.booking
}

/**
 * A booking's progress, live (the server relays commerce's event stream on the page's own
 * origin with the member's cookie; where a browser cannot stream it polls), and what the
 * member can do at this step: pay, cancel, confirm completion, rate or dispute, talk with
 * the escort and read the service report. Everything follows the live status.
 */
export function EscortBookingPanel({
  initial,
  payForm,
  cancel,
  confirmDone,
  afterService,
  ask = (message) => window.confirm(message),
  subscribe = subscribeEscortBooking,
}: {
  initial: EscortBookingDetail
  /** The pay form (server-rendered: the methods depend on where the member is). */
  payForm?: ReactNode
  cancel: (id: string) => Promise<AccountActionState>
  confirmDone: (id: string) => Promise<AccountActionState>
  /** Rating with confirmation, or a dispute, after 服务完成; and the messages and report. */
  afterService?: {
    confirm: (id: string, rating: number, tags: string[]) => Promise<AccountActionState>
    dispute: (id: string, reason: string) => Promise<AccountActionState>
  }
  ask?: (message: string) => boolean
  subscribe?: typeof subscribeEscortBooking
}) {
  const [booking, setBooking] = useState(initial)
  const [problem, setProblem] = useState<string>()
  const [state, setState] = useState<AccountActionState>()
  const [pending, startTransition] = useTransition()

  useEffect(() => {
    const base = `/api/escort/bookings/${encodeURIComponent(initial.id)}`
    return subscribe({
      load: async () => {
        const next = await loadBooking(base)
        setProblem(undefined)
        return next
      },
      onChange: setBooking,
      onError: setProblem,
      stream: browserStream(`${base}/stream`),
    })
  }, [initial.id, subscribe])

  const can = escortBookingActions(booking.status)
  const act = (run: () => Promise<AccountActionState>) =>
    startTransition(async () => {
      const answer = await run()
      setState(answer)
      if (!answer?.error) {
        // The change is on the timeline already; read it now rather than at the next push.
        await loadBooking(`/api/escort/bookings/${encodeURIComponent(booking.id)}`)
          .then(setBooking)
          .catch(() => undefined)
      }
    })

  return (
    <>
      <section className="panel" data-testid="escort-live">
        <h2>
          服务进度{" "}
          <span className="kit-badge" data-testid="escort-status">
            {booking.status_label}
          </span>
        </h2>
        <EscortTimeline booking={booking} />
        {problem && (
          <p className="hint" role="status">
            {problem}
          </p>
        )}
      </section>
      <FormFeedback state={state} />
      {can.pay && payForm}
      {(can.cancel || can.confirm) && (
        <div className="form-actions">
          {can.confirm && (
            <button
              type="button"
              className="button primary"
              disabled={pending}
              onClick={() => act(() => confirmDone(booking.id))}
            >
              确认服务完成
            </button>
          )}
          {can.cancel && (
            <button
              type="button"
              className="button danger"
              disabled={pending}
              onClick={() => {
                const question =
                  "确定取消这次陪诊吗？退款按取消规则计算：离服务开始越近，扣除的费用越多。"
                if (ask(question)) act(() => cancel(booking.id))
              }}
            >
              取消预约
            </button>
          )}
        </div>
      )}
      {afterService && (
        <>
          <ConfirmService
            bookingId={booking.id}
            status={booking.status}
            confirm={afterService.confirm}
            dispute={afterService.dispute}
          />
          <EscortMessagingSection bookingId={booking.id} status={booking.status} />
        </>
      )}
    </>
  )
}
