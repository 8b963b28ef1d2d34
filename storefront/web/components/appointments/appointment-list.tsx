"use client"

import {
  formatAppointmentDay,
  isActiveAppointment,
  type Appointment,
  type AppointmentStatus,
} from "@health/core"
import Link from "next/link"
import { useState, useTransition } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

const BADGE: Record<AppointmentStatus, string> = {
  pending: "kit-badge",
  confirmed: "kit-badge success",
  rescheduled: "kit-badge",
  cancelled: "kit-badge muted",
  completed: "kit-badge muted",
}

/** 我的预约: each appointment with its status; active ones can be moved or cancelled. */
export function AppointmentList({
  appointments,
  cancel,
  confirm = (message) => window.confirm(message),
}: {
  appointments: Appointment[]
  cancel: (id: string) => Promise<AccountActionState>
  confirm?: (message: string) => boolean
}) {
  const [pending, startTransition] = useTransition()
  const [state, setState] = useState<AccountActionState>()

  return (
    <>
      <FormFeedback state={state} />
      <ul className="appointment-list" data-testid="appointment-list">
        {appointments.map((appointment) => (
          <li key={appointment.id} className="card appointment-row" data-testid="appointment-row">
            <div className="card-body">
              <div className="appointment-head">
                <strong>{appointment.site.name}</strong>
                <span className={BADGE[appointment.status]}>{appointment.status_label}</span>
              </div>
              <p>
                {formatAppointmentDay(appointment.date)} {appointment.slot}
              </p>
              <p className="muted">{appointment.site.address}</p>
              {appointment.person?.name && (
                <p className="muted">到店人：{appointment.person.name}</p>
              )}
              {appointment.status === "cancelled" && (
                <p className="muted">
                  {appointment.cancelled_by === "staff" ? "客服已取消" : "您已取消"}
                  {appointment.cancel_reason ? `：${appointment.cancel_reason}` : ""}
                </p>
              )}
              {isActiveAppointment(appointment) && (
                <div className="form-actions">
                  <Link
                    className="button"
                    href={`/account/appointments/book?site=${encodeURIComponent(appointment.site.id)}&reschedule=${encodeURIComponent(appointment.id)}`}
                  >
                    改期
                  </Link>
                  <button
                    type="button"
                    className="button danger"
                    disabled={pending}
                    onClick={() => {
                      const question = `确定取消 ${formatAppointmentDay(appointment.date)} ${appointment.slot} 在${appointment.site.name}的预约吗？取消后名额会释放给其他会员。`
                      if (!confirm(question)) return
                      startTransition(async () => setState(await cancel(appointment.id)))
                    }}
                  >
                    取消预约
                  </button>
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
